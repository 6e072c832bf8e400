package nl.buitenin.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * What became of each item of an ingested batch (interactions, answers): created, duplicate (its source
 * id was already there, or twice in the batch) or rejected with the reason. Items keep their index in
 * the batch (from 0).
 */
public record IngestReport(int created, int duplicates, int rejected, List<ItemOutcome> items) {

    public IngestReport {
        items = List.copyOf(items);
    }

    public enum Status { CREATED, DUPLICATE, REJECTED }

    /**
     * @param reason why an item was rejected, naming its fields; null otherwise
     * @param errors the same per field (sourceId, touchpoint, at, person, kind); empty unless rejected
     */
    public record ItemOutcome(int index, @Nullable String sourceId, Status status, @Nullable String reason,
            List<FieldError> errors) {

        public ItemOutcome {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        public static ItemOutcome created(int index, @Nullable String sourceId) {
            return new ItemOutcome(index, sourceId, Status.CREATED, null, List.of());
        }

        public static ItemOutcome duplicate(int index, @Nullable String sourceId) {
            return new ItemOutcome(index, sourceId, Status.DUPLICATE, null, List.of());
        }

        public static ItemOutcome rejected(int index, @Nullable String sourceId, List<FieldError> errors) {
            String reason = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            return new ItemOutcome(index, sourceId, Status.REJECTED, reason, errors);
        }
    }

    public static IngestReport of(List<ItemOutcome> items) {
        int created = 0;
        int duplicates = 0;
        int rejected = 0;
        for (ItemOutcome item : items) {
            switch (item.status()) {
                case CREATED -> created++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }
        return new IngestReport(created, duplicates, rejected, items);
    }
}
