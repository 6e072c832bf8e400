package nl.buitenin.textinsight.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.insight.Estimate;
import nl.buitenin.insight.Intervals;
import nl.buitenin.insight.text.DemandClassifier;
import nl.buitenin.insight.text.FailureKind;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.Journeys;
import nl.buitenin.journey.ReasonedContact;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.SmallCellRule;
import nl.buitenin.privacy.SmallCells;

/**
 * Failure demand over a period, per journey, stage and touchpoint and per week: the share of contacts read as failure
 * demand with n and the Wilson 95 % interval, and the repeat contacts (read as "the same person contacted before about
 * the same matter, within the classifier's window"); each cell hidden under the small-cell rule like the journey map's.
 * Next to them the top repeated questions: the failure-demand reasons of the period grouped by the matter they name
 * ({@link QuestionGroups}), each read under the purpose "service improvement" (a reason the purpose refuses is left
 * out); a question asked by fewer people than the small-cell minimum is not shown.
 */
@Service
public class FailureDemandFigures {

    /** How many repeated questions are shown. */
    public static final int QUESTIONS = 10;

    /** One cell: n contacts read, the share of failure demand with its interval, the repeat contacts; or hidden. */
    public record Figure(@Nullable Long n, @Nullable Long failures, @Nullable Long repeats, @Nullable Estimate share, boolean hidden,
            int fewerThan) {

        static Figure of(Count count, SmallCellRule rule) {
            if (count.n == 0) {
                return new Figure(0L, 0L, 0L, null, false, rule.k());
            }
            if (rule.hides(count.n)) {
                return new Figure(null, null, null, null, true, rule.k());
            }
            return new Figure(count.n, count.failures, count.repeats, Intervals.share(count.failures, count.n), false, rule.k());
        }
    }

    /** A week (starting on Monday, in the organisation's time zone) and its figure. */
    public record Week(LocalDate start, Figure figure) {
    }

    public record TouchpointFigures(Touchpoint touchpoint, Figure total, List<Week> weeks) {
    }

    public record StageFigures(Stage stage, Figure total, List<Week> weeks, List<TouchpointFigures> touchpoints) {
    }

    /**
     * The journey's figures; {@code kinds} counts its failure-demand contacts per kind of failure (in the order of
     * {@link FailureKind}), each hidden below the small-cell minimum.
     */
    public record JourneyFigures(Journey journey, Figure total, List<Week> weeks, List<StageFigures> stages, List<KindCount> kinds) {
    }

    /** How many failure-demand contacts were of one kind. */
    public record KindCount(FailureKind kind, SmallCells.Suppressed contacts) {

        /** The message key of the kind in words. */
        public String messageKey() {
            return "textinsight.failureKind." + kind.code();
        }
    }

    /**
     * A repeated question: the word that names its matter ({@code key} is that word's stem, stable across reads),
     * how many failure-demand contacts and people asked it, and up to three of the reasons (empty when not asked for) with
     * the id of the contact each is the reason of ({@code exampleContacts}, in the same order), whose themes the page shows.
     */
    public record Question(String key, String label, long contacts, long people, List<String> examples, List<UUID> exampleContacts) {
    }

    /** The figures of a period; {@code unread} counts the failure-demand reasons the purpose did not allow to read. */
    public record Figures(LocalDate from, LocalDate to, List<LocalDate> weeks, List<JourneyFigures> journeys, List<Question> questions,
            int unread) {
    }

    /** Counts that add up over touchpoints and weeks. */
    static final class Count {
        long n;
        long failures;
        long repeats;
        final Map<String, Long> kinds = new HashMap<>();

        void add(DemandReadings.Row row) {
            n++;
            failures += row.failure() ? 1 : 0;
            repeats += row.repeat() ? 1 : 0;
            if (row.failureKind() != null) {
                kinds.merge(row.failureKind(), 1L, Long::sum);
            }
        }

        void add(@Nullable Count other) {
            if (other != null) {
                n += other.n;
                failures += other.failures;
                repeats += other.repeats;
                other.kinds.forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
            }
        }
    }

    private final DemandReadings readings;
    private final Journeys journeys;
    private final Interactions interactions;
    private final TextReading reading;
    private final Organisations organisations;
    private final SmallCellRule rule;
    private final QuestionGroups groups = new QuestionGroups(DemandClassifier.standard());

    FailureDemandFigures(DemandReadings readings, Journeys journeys, Interactions interactions, TextReading reading,
            Organisations organisations, SmallCellRule rule) {
        this.readings = readings;
        this.journeys = journeys;
        this.interactions = interactions;
        this.reading = reading;
        this.organisations = organisations;
        this.rule = rule;
    }

    /**
     * The figures of the days {@code from}..{@code to}, for one journey or (null) every journey in use.
     *
     * @param examples whether the questions carry example reasons (personal text, read under the purpose either way)
     */
    public Figures of(LocalDate from, LocalDate to, @Nullable JourneyId journey, boolean examples) {
        ZoneId zone = organisations.current().timeZone();
        List<Journey> shown = journey == null ? journeys.all()
                : List.of(journeys.byId(journey).orElseThrow(() -> new NotFoundException("journey.thing.journey", journey.value())));
        Set<TouchpointId> touchpoints = new HashSet<>();
        shown.forEach(j -> j.touchpoints().forEach(t -> touchpoints.add(t.id())));
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate week = monday(from); !week.isAfter(to); week = week.plusWeeks(1)) {
            weeks.add(week);
        }
        Map<TouchpointId, Count> totals = new HashMap<>();
        Map<TouchpointId, Map<LocalDate, Count>> weekly = new HashMap<>();
        List<DemandReadings.Row> failures = new ArrayList<>();
        for (DemandReadings.Row row : readings.rows(from, to, zone)) {
            if (!touchpoints.contains(row.touchpoint())) {
                continue;
            }
            totals.computeIfAbsent(row.touchpoint(), t -> new Count()).add(row);
            weekly.computeIfAbsent(row.touchpoint(), t -> new HashMap<>())
                    .computeIfAbsent(monday(LocalDate.ofInstant(row.at(), zone)), w -> new Count()).add(row);
            if (row.failure()) {
                failures.add(row);
            }
        }
        List<JourneyFigures> figures = new ArrayList<>();
        for (Journey j : shown) {
            List<StageFigures> stages = new ArrayList<>();
            for (Stage stage : j.stages()) {
                List<TouchpointFigures> rows = stage.touchpoints().stream()
                        .map(t -> new TouchpointFigures(t, figure(totals, List.of(t.id())), weeks(weekly, List.of(t.id()), weeks)))
                        .toList();
                List<TouchpointId> ids = stage.touchpoints().stream().map(Touchpoint::id).toList();
                stages.add(new StageFigures(stage, figure(totals, ids), weeks(weekly, ids, weeks), rows));
            }
            List<TouchpointId> ids = j.touchpoints().stream().map(Touchpoint::id).toList();
            Count sum = new Count();
            ids.forEach(t -> sum.add(totals.get(t)));
            List<KindCount> kinds = new ArrayList<>();
            for (FailureKind kind : FailureKind.values()) {
                kinds.add(new KindCount(kind, rule.suppress(sum.kinds.getOrDefault(kind.code(), 0L))));
            }
            figures.add(new JourneyFigures(j, figure(totals, ids), weeks(weekly, ids, weeks), stages, kinds));
        }
        Reasons reasons = reasons(failures, from, to, zone);
        Map<String, UUID> contactIds = new HashMap<>();
        failures.forEach(row -> contactIds.put(row.sourceRef(), row.contact()));
        List<Question> questions = groups.group(reasons.asked, QUESTIONS).stream()
                .filter(g -> !rule.hides(g.people()))
                .map(g -> new Question(g.stem(), g.label(), g.contacts(), g.people(), examples ? g.examples() : List.of(),
                        examples ? g.exampleRefs().stream().map(contactIds::get).toList() : List.of()))
                .toList();
        return new Figures(from, to, weeks, figures, questions, reasons.unread);
    }

    private record Reasons(List<QuestionGroups.Asked> asked, int unread) {
    }

    /**
     * The reasons of the failure-demand contacts, newest first, each person's read once under the purpose (checked at
     * their earliest contact of the period, so nothing past the purpose's retention is read; all people in one batched
     * check).
     */
    private Reasons reasons(List<DemandReadings.Row> failures, LocalDate from, LocalDate to, ZoneId zone) {
        if (failures.isEmpty()) {
            return new Reasons(List.of(), 0);
        }
        Map<String, DemandReadings.Row> byRef = new HashMap<>();
        failures.forEach(row -> byRef.put(row.sourceRef(), row));
        Instant since = from.atStartOfDay(zone).toInstant();
        Instant until = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<PersonKey, Instant> earliest = new LinkedHashMap<>();
        List<ReasonedContact> contacts = interactions.withReasons(since, until).stream()
                .filter(c -> byRef.containsKey(c.sourceId())).toList();
        for (ReasonedContact contact : contacts) {
            if (contact.person() != null) {
                earliest.merge(contact.person(), contact.at(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        // One batched check for everybody in the period, by the same rules as one check per person.
        Set<PersonKey> allowed = reading.mayRead(earliest, "repeated questions in contact reasons");
        List<QuestionGroups.Asked> asked = new ArrayList<>();
        int unread = 0;
        for (int i = contacts.size() - 1; i >= 0; i--) {
            ReasonedContact contact = contacts.get(i);
            if (contact.person() != null && !allowed.contains(contact.person())) {
                unread++;
                continue;
            }
            asked.add(new QuestionGroups.Asked(contact.sourceId(),
                    contact.person() == null ? "contact:" + contact.sourceId() : "person:" + contact.person().value(), contact.reason()));
        }
        return new Reasons(asked, unread);
    }

    private Figure figure(Map<TouchpointId, Count> totals, Collection<TouchpointId> touchpoints) {
        Count sum = new Count();
        touchpoints.forEach(t -> sum.add(totals.get(t)));
        return Figure.of(sum, rule);
    }

    private List<Week> weeks(Map<TouchpointId, Map<LocalDate, Count>> weekly, Collection<TouchpointId> touchpoints, List<LocalDate> weeks) {
        List<Week> out = new ArrayList<>(weeks.size());
        for (LocalDate week : weeks) {
            Count sum = new Count();
            touchpoints.forEach(t -> sum.add(weekly.getOrDefault(t, Map.of()).get(week)));
            out.add(new Week(week, Figure.of(sum, rule)));
        }
        return out;
    }

    /** The Monday of the week the day is in: weeks start on Monday. */
    public static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
