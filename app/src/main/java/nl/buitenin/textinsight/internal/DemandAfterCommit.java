package nl.buitenin.textinsight.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import nl.buitenin.insight.text.DemandClassifier;
import nl.buitenin.insight.text.DemandContact;
import nl.buitenin.insight.text.DemandReading;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.InteractionsRecorded;
import nl.buitenin.journey.InteractionsRecorded.Interaction;
import nl.buitenin.journey.ReasonedContact;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.textinsight.TextSource;

/**
 * Reads every new contact with a reason as value or failure demand after the batch that recorded it committed. A
 * person's contacts are read together with their earlier ones of the repeat window (14 days unless configured), so a contact
 * about the same matter as an earlier failure counts as a repeat. Reasons are personal data: a known person's are
 * read only under the purpose "service improvement"; a contact the purpose refuses is not read, only counted. The reason
 * of a contact read now also gets suggested themes of the organisation's taxonomy ({@link ThemeSuggestions}), on loop's
 * side keyed by the contact's random id.
 */
@Component
public class DemandAfterCommit {

    private static final Logger log = LoggerFactory.getLogger(DemandAfterCommit.class);

    private final Interactions interactions;
    private final DemandReadings readings;
    private final TextReading reading;
    private final DemandClassifier classifier;
    private final TextAnalyzer analyzer = TextAnalyzer.standard();
    private final ThemeSuggestions themes;
    private final TransactionTemplate separately;

    DemandAfterCommit(Interactions interactions, DemandReadings readings, TextReading reading, TextInsightProperties properties,
            ThemeSuggestions themes, PlatformTransactionManager transactions) {
        this.themes = themes;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.classifier = properties.repeatWindow().equals(DemandClassifier.DEFAULT_WINDOW) ? DemandClassifier.standard()
                : new DemandClassifier(TextAnalyzer.standard(), properties.repeatWindow());
        this.interactions = interactions;
        this.readings = readings;
        this.reading = reading;
    }

    // Only events with a reason: for the others the event log stores no publication of this listener and no transaction
    // is begun (in JourneyBenchmarks ingest 360 publications instead of 600, no measurable change in the rate on its own).
    @ApplicationModuleListener(condition = "#p0.hasReasons()")
    void on(InteractionsRecorded recorded) {
        Map<PersonKey, List<Interaction>> byPerson = new LinkedHashMap<>();
        List<DemandReadings.Read> read = new ArrayList<>();
        int refused = 0;
        for (Interaction interaction : recorded.interactions()) {
            if (interaction.reason() == null || interaction.reason().isBlank() || readings.has(interaction.sourceId())) {
                continue;
            }
            if (interaction.person() == null) {
                read.add(read(interaction, classifier.classify(List.of(new DemandContact(interaction.reason(), interaction.at()))).get(0)));
            } else {
                byPerson.computeIfAbsent(interaction.person(), p -> new ArrayList<>()).add(interaction);
            }
        }
        for (Map.Entry<PersonKey, List<Interaction>> entry : byPerson.entrySet()) {
            if (!reading.mayRead(entry.getKey(), "contact reasons", entry.getValue().get(0).at())) {
                refused += entry.getValue().size();
                continue;
            }
            List<Interaction> own = entry.getValue().stream().sorted(Comparator.comparing(Interaction::at)).toList();
            Instant first = own.get(0).at();
            List<DemandContact> contacts = new ArrayList<>();
            for (ReasonedContact earlier : interactions.reasonsOf(entry.getKey(), first.minus(classifier.window()), first)) {
                contacts.add(new DemandContact(earlier.reason(), earlier.at()));
            }
            int before = contacts.size();
            own.forEach(i -> contacts.add(new DemandContact(i.reason(), i.at())));
            List<DemandReading> found = classifier.classify(contacts);
            for (int i = 0; i < own.size(); i++) {
                read.add(read(own.get(i), found.get(before + i)));
            }
        }
        Map<String, String> reasons = new HashMap<>();
        recorded.interactions().forEach(i -> {
            if (i.reason() != null) {
                reasons.put(i.sourceId(), i.reason());
            }
        });
        int added = store(read, reasons);
        if (refused > 0) {
            log.info("Failure demand: {} of {} contact reasons not read (the purpose does not allow it)", refused, refused + read.size());
        }
        log.debug("Failure demand: {} contacts read", added);
    }

    /**
     * Reads a whole history of contacts that came in without events (the demo's): each person's contacts together,
     * in time order, under the purpose like live ones; contacts read before are left. Returns how many were stored.
     */
    public int readHistory(List<ReasonedContact> history) {
        Map<PersonKey, List<ReasonedContact>> byPerson = new LinkedHashMap<>();
        List<DemandReadings.Read> read = new ArrayList<>();
        for (ReasonedContact contact : history) {
            if (contact.person() == null) {
                read.add(new DemandReadings.Read(contact.sourceId(), null, contact.touchpoint(), contact.at(),
                        classifier.classify(List.of(new DemandContact(contact.reason(), contact.at()))).get(0)));
            } else {
                byPerson.computeIfAbsent(contact.person(), p -> new ArrayList<>()).add(contact);
            }
        }
        for (Map.Entry<PersonKey, List<ReasonedContact>> entry : byPerson.entrySet()) {
            List<ReasonedContact> own = entry.getValue().stream().sorted(Comparator.comparing(ReasonedContact::at)).toList();
            if (!reading.mayRead(entry.getKey(), "contact reasons", own.get(0).at())) {
                continue;
            }
            List<DemandReading> found = classifier.classify(own.stream().map(c -> new DemandContact(c.reason(), c.at())).toList());
            for (int i = 0; i < own.size(); i++) {
                ReasonedContact contact = own.get(i);
                read.add(new DemandReadings.Read(contact.sourceId(), contact.person(), contact.touchpoint(), contact.at(), found.get(i)));
            }
        }
        Map<String, String> reasons = new HashMap<>();
        history.forEach(contact -> reasons.put(contact.sourceId(), contact.reason()));
        return store(read, reasons);
    }

    /**
     * Stores the readings and suggests themes of the organisation's taxonomy for the reasons of the contacts read now for
     * the first time (a replayed event suggests nothing again), through the same step as comments, cases and notes. The
     * readings commit first: the tags are keyed by the contact's id and loop asks for its owner in a transaction of its own.
     * The reasons were read above under the purpose (or are anonymous); nothing more is read here.
     */
    private int store(List<DemandReadings.Read> read, Map<String, String> reasons) {
        List<DemandReadings.Read> added = separately.execute(s -> readings.add(read));
        for (DemandReadings.Read contact : added) {
            String reason = reasons.get(contact.sourceRef());
            if (reason != null && !reason.isBlank()) {
                themes.suggest(TextSource.CONTACT_REASON, contact.contact().toString(), reason, analyzer.language(reason));
            }
        }
        return added.size();
    }

    private static DemandReadings.Read read(Interaction interaction, DemandReading reading) {
        return new DemandReadings.Read(interaction.sourceId(), interaction.person(), interaction.touchpoint(), interaction.at(), reading);
    }
}
