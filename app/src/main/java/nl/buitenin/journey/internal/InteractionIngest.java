package nl.buitenin.journey.internal;

import nl.buitenin.platform.IngestReport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.EventBacklog;
import nl.buitenin.platform.EventChunks;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Records a batch of interactions in one transaction: invalid items are rejected with their reasons,
 * the rest are inserted if their source id is new. A retried batch therefore creates nothing and
 * reports every item as a duplicate. The batch's new interactions are published as one {@link InteractionsRecorded}.
 */
@Service
public class InteractionIngest {

    public static final int MAX_BATCH = 10_000;
    /**
     * Interactions per published event, at most: the event log stores an event once per listener (three to five), and the
     * listeners each handle it in a transaction of their own, so the fewer events the better. Events of 1 000 kept HTTP
     * ingestion at 0.39 of a raw COPY where events of 5 000 reached 0.47-0.49 (BENCHMARKS.md, Journeys and scores).
     */
    static final int EVENT_SIZE = 5_000;

    private final JdbcTouchpoints touchpoints;
    private final InteractionWriter writer;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EventBacklog backlog;
    private final TransactionTemplate transactions;

    InteractionIngest(JdbcTouchpoints touchpoints, InteractionWriter writer, Organisations organisations,
            ApplicationEventPublisher events, Clock clock, EventBacklog backlog, PlatformTransactionManager transactions) {
        this.touchpoints = touchpoints;
        this.writer = writer;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
        this.backlog = backlog;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * Waits for room in the listeners' backlog (HTTP, Kafka and the CSV import all come here), then stores the batch in
     * one transaction, or in the caller's.
     */
    public IngestReport ingest(List<InteractionInput> items) {
        backlog.awaitRoom();
        return transactions.execute(status -> store(items));
    }

    private IngestReport store(List<InteractionInput> items) {
        if (items == null || items.isEmpty()) {
            throw InvalidInputException.of("items", "journey.invalid.atLeastOne");
        }
        if (items.size() > MAX_BATCH) {
            throw InvalidInputException.of("items", "journey.invalid.atMostItems", MAX_BATCH, items.size());
        }
        Set<TouchpointId> known = new HashSet<>();
        Map<TouchpointId, Touchpoint> archived = new HashMap<>();
        for (Touchpoint touchpoint : touchpoints.allIncludingArchived()) {
            known.add(touchpoint.id());
            if (touchpoint.archived()) {
                archived.put(touchpoint.id(), touchpoint);
            }
        }
        Instant now = clock.instant();

        ItemOutcome[] outcomes = new ItemOutcome[items.size()];
        List<NewInteraction> candidates = new ArrayList<>();
        List<Integer> candidateIndexes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            InteractionInput item = items.get(i);
            if (item == null) {
                outcomes[i] = ItemOutcome.rejected(i, null, List.of(FieldError.of("item", "journey.invalid.emptyItem")));
                continue;
            }
            InteractionInput.Validated validated = item.validate(known, now);
            if (!validated.isValid()) {
                outcomes[i] = ItemOutcome.rejected(i, item.sourceId(), validated.errors());
            } else if (!seen.add(validated.interaction().sourceId())) {
                outcomes[i] = ItemOutcome.duplicate(i, validated.interaction().sourceId());
            } else {
                candidates.add(validated.interaction());
                candidateIndexes.add(i);
            }
        }
        refuseArchived(outcomes, candidates, candidateIndexes, archived);
        return finish(outcomes, candidates, candidateIndexes);
    }

    /** Records already valid interactions (the demo); the same idempotency, no per-item validation. */
    @Transactional
    public int recordValid(List<NewInteraction> interactions) {
        ZoneId zone = organisations.current().timeZone();
        Set<String> inserted = writer.insertAbsent(interactions, zone);
        return inserted.size();
    }

    /**
     * An archived touchpoint takes no new interactions: each such item is rejected naming the touchpoint. One
     * stored before it was archived is reported as already stored, so a re-sent batch reads the same as before.
     */
    private void refuseArchived(ItemOutcome[] outcomes, List<NewInteraction> candidates, List<Integer> indexes,
            Map<TouchpointId, Touchpoint> archived) {
        if (archived.isEmpty()) {
            return;
        }
        List<String> atArchived = candidates.stream().filter(c -> archived.containsKey(c.touchpoint())).map(NewInteraction::sourceId).toList();
        if (atArchived.isEmpty()) {
            return;
        }
        Set<String> stored = writer.existing(atArchived);
        for (int c = candidates.size() - 1; c >= 0; c--) {
            NewInteraction interaction = candidates.get(c);
            Touchpoint touchpoint = archived.get(interaction.touchpoint());
            if (touchpoint == null) {
                continue;
            }
            int index = indexes.get(c);
            outcomes[index] = stored.contains(interaction.sourceId()) ? ItemOutcome.duplicate(index, interaction.sourceId())
                    : ItemOutcome.rejected(index, interaction.sourceId(), List.of(FieldError.of("touchpoint",
                            "journey.invalid.archivedTouchpoint", touchpoint.nameNl(), touchpoint.nameEn(), touchpoint.id().toString())));
            candidates.remove(c);
            indexes.remove(c);
        }
    }

    private IngestReport finish(ItemOutcome[] outcomes, List<NewInteraction> candidates, List<Integer> indexes) {
        Set<String> inserted = writer.insertAbsent(candidates, organisations.current().timeZone());
        List<InteractionsRecorded.Interaction> recorded = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            NewInteraction interaction = candidates.get(c);
            boolean created = inserted.contains(interaction.sourceId());
            int index = indexes.get(c);
            outcomes[index] = created ? ItemOutcome.created(index, interaction.sourceId())
                    : ItemOutcome.duplicate(index, interaction.sourceId());
            if (created) {
                recorded.add(new InteractionsRecorded.Interaction(interaction.touchpoint(), interaction.person(), interaction.at(),
                        interaction.sourceId(), interaction.kind(), interaction.reason(), interaction.reasonCode(), interaction.staff(),
                        interaction.team(), interaction.topic()));
            }
        }
        publish(recorded);
        return IngestReport.of(List.of(outcomes));
    }

    /**
     * A few events of at most EVENT_SIZE interactions, each small enough for the event log's column
     * ({@link EventChunks}; on H2 a million characters: a reason may take a thousand, and a source id 200, each twice that
     * or more once escaped in JSON).
     */
    private void publish(List<InteractionsRecorded.Interaction> recorded) {
        for (List<InteractionsRecorded.Interaction> chunk : EventChunks.of(recorded, EVENT_SIZE, InteractionsRecorded.STORED_OVERHEAD,
                InteractionsRecorded::storedLengthAtMost)) {
            events.publishEvent(InteractionsRecorded.of(chunk));
        }
    }
}
