package nl.buitenin.privacy.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeId;

/** Everything held on one person across all modules (GDPR art. 15 and 20), one section per source. */
public record PersonExport(PersonKey person, Instant exportedAt, List<Section> sections) {

    public PersonExport {
        sections = List.copyOf(sections);
    }

    /** One source's records, with the purpose it is held for (null: about the person as such). */
    public record Section(String name, @Nullable PurposeId purpose, List<?> records) {

        public Section {
            records = List.copyOf(records);
        }
    }

    public int recordCount() {
        return sections.stream().mapToInt(s -> s.records().size()).sum();
    }
}
