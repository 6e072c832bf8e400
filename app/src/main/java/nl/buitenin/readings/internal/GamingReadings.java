package nl.buitenin.readings.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import nl.buitenin.insight.readings.GamingSignal;
import nl.buitenin.insight.readings.ScoreGaming;
import nl.buitenin.insight.readings.StaffAnswer;
import nl.buitenin.listening.Comment;
import nl.buitenin.listening.Comments;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.QuestionType;
import nl.buitenin.listening.ResponseKey;
import nl.buitenin.listening.ScoredResponse;
import nl.buitenin.listening.ScoredResponses;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.PersonKey;

/**
 * Score gaming on the server, with the engine of {@code buitenin gaming} ({@link ScoreGaming}): per staff member
 * against the rest of their team, per team against the other teams, per location (touchpoint) against the other
 * locations; Benjamini–Hochberg at 5 % within each level. Read from the NPS answers (0–10) of the period through
 * {@link ScoredResponses}; the comments of responses that name a staff member or team through {@link Comments}, those
 * of known people under service improvement (one check for all their writers, each with their earliest comment). Plus
 * the presence signal ({@link PresenceShares}) where the contact time of answers is known.
 */
@Service
public class GamingReadings {

    /** An answer completed within this many minutes of its contact counts as given in the staff member's presence. */
    public static final int DEFAULT_PRESENCE_MINUTES = 5;
    static final double FALSE_DISCOVERY_RATE = 0.05;
    /** The longest period read at once (a year of answers is about what a page can compute while one waits). */
    public static final int MAX_DAYS = 366;

    private final ScoredResponses scored;
    private final Comments comments;
    private final StaffDataReads reads;
    private final Organisations organisations;
    private final int presenceMinutes;

    GamingReadings(ScoredResponses scored, Comments comments, StaffDataReads reads, Organisations organisations,
            @Value("${buitenin.readings.gaming.presence-minutes:" + DEFAULT_PRESENCE_MINUTES + "}") int presenceMinutes) {
        this.scored = scored;
        this.comments = comments;
        this.reads = reads;
        this.organisations = organisations;
        this.presenceMinutes = presenceMinutes;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** One NPS answer as the reading uses it. */
    private record Answer(ScoredResponse response, int score, @Nullable String comment) {
    }

    /** The reading of the days {@code from} to {@code to} (both included, in the organisation's time zone). */
    public GamingReport read(LocalDate from, LocalDate to) {
        Optional<Instant> readableSince = reads.staffReadableSince();
        if (readableSince.isEmpty()) {
            return GamingReport.refused(from, to, presenceMinutes);
        }
        ZoneId zone = organisations.current().timeZone();
        // Staff references older than the purpose's retention are not read (its retention job clears them too).
        Instant start = max(from.atStartOfDay(zone).toInstant(), readableSince.get());
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<ScoredResponse> responses = scored.between(start, end, Set.of());
        List<Answer> answers = answers(responses);
        Duration window = Duration.ofMinutes(presenceMinutes);

        List<GamingReport.Signal> staff = level(answers.stream().filter(a -> a.response().staff() != null).toList(),
                a -> a.response().staff(), a -> a.response().team(), window);
        List<GamingReport.Signal> teams = level(answers.stream().filter(a -> a.response().team() != null).toList(),
                a -> a.response().team(), a -> null, window);
        List<GamingReport.Signal> locations = level(answers.stream().filter(a -> a.response().touchpoint() != null).toList(),
                a -> a.response().touchpoint().value().toString(), a -> null, window);
        return new GamingReport(from, to, answers.size(), answers.stream().filter(a -> a.response().team() != null).count(),
                answers.stream().filter(a -> a.response().contactAt() != null).count(), presenceMinutes, teams, locations, staff, false);
    }

    /** The NPS answers, each with the comments of its response when it names a staff member or team. */
    private List<Answer> answers(List<ScoredResponse> responses) {
        List<ScoredResponse> withNps = responses.stream().filter(r -> r.first(QuestionType.NPS).isPresent()).toList();
        List<ResponseKey> served = withNps.stream().filter(r -> r.staff() != null || r.team() != null).map(ScoredResponse::key).toList();
        Map<UUID, List<Comment>> written = comments.of(served);
        // One purpose check for all who wrote a comment (not one, with its log line, per comment).
        Map<PersonKey, Instant> earliestComment = new HashMap<>();
        for (ScoredResponse response : withNps) {
            if (response.person() != null && written.containsKey(response.response())) {
                earliestComment.merge(response.person(), response.completedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Set<PersonKey> readable = reads.readableCommentWriters(earliestComment);
        List<Answer> answers = new ArrayList<>(withNps.size());
        for (ScoredResponse response : withNps) {
            CompletedResponse.Score nps = response.first(QuestionType.NPS).orElseThrow();
            List<Comment> own = written.getOrDefault(response.response(), List.of());
            String comment = null;
            if (!own.isEmpty() && (response.person() == null || readable.contains(response.person()))) {
                comment = own.stream().map(Comment::text).collect(Collectors.joining("\n"));
            }
            answers.add(new Answer(response, nps.value(), comment));
        }
        return answers;
    }

    /** One level (staff, teams or locations): the excess test, the comments and the presence test; flagged units only. */
    private List<GamingReport.Signal> level(List<Answer> answers, Function<Answer, String> unitOf,
            Function<Answer, @Nullable String> groupOf, Duration window) {
        if (answers.isEmpty()) {
            return List.of();
        }
        List<StaffAnswer> rows = answers.stream().map(a -> new StaffAnswer(unitOf.apply(a), groupOf.apply(a), a.score(), a.comment())).toList();
        List<GamingSignal> gaming = new ScoreGaming(0, 10, FALSE_DISCOVERY_RATE, ScoreGaming.DEFAULT_MINIMUM_ANSWERS).read(rows);

        Map<String, long[]> presence = new LinkedHashMap<>();
        Map<String, @Nullable String> groups = new LinkedHashMap<>();
        for (Answer answer : answers) {
            String unit = unitOf.apply(answer);
            groups.putIfAbsent(unit, groupOf.apply(answer));
            long[] counts = presence.computeIfAbsent(unit, u -> new long[2]);
            Instant contact = answer.response().contactAt();
            if (contact != null) {
                counts[0]++;
                Duration after = Duration.between(contact, answer.response().completedAt());
                if (!after.isNegative() && after.compareTo(window) <= 0) {
                    counts[1]++;
                }
            }
        }
        List<PresenceShares.Unit> units = presence.entrySet().stream()
                .map(e -> new PresenceShares.Unit(e.getKey(), groups.get(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
        Map<String, PresenceShares.Reading> present = new PresenceShares(FALSE_DISCOVERY_RATE, ScoreGaming.DEFAULT_MINIMUM_ANSWERS)
                .read(units).stream().collect(Collectors.toMap(PresenceShares.Reading::name, Function.identity()));

        Map<String, GamingReport.Signal> flagged = new TreeMap<>(Comparator.naturalOrder());
        for (GamingSignal signal : gaming) {
            List<GamingReport.Reason> reasons = new ArrayList<>();
            if (signal.reasons().contains(GamingSignal.Reason.EXCESS_TOP_SCORES)) {
                reasons.add(GamingReport.Reason.EXCESS_TOP_SCORES);
            }
            if (signal.reasons().contains(GamingSignal.Reason.ASKED_FOR_SCORE)) {
                reasons.add(GamingReport.Reason.ASKED_FOR_SCORE);
            }
            PresenceShares.Reading reading = present.get(signal.staff());
            Optional<PresenceShares.Reading> known = Optional.ofNullable(reading).filter(r -> r.known() > 0);
            if (reading != null && reading.flagged()) {
                reasons.add(GamingReport.Reason.ANSWERED_IN_PRESENCE);
            }
            if (!reasons.isEmpty()) {
                flagged.put(signal.staff(), new GamingReport.Signal(signal.staff(), groups.get(signal.staff()), signal.n(), signal.topShare(),
                        signal.expectedTopShare(), signal.qValue(), signal.askedForScore(), known.map(PresenceShares.Reading::share).orElse(null),
                        known.map(PresenceShares.Reading::referenceShare).filter(s -> !s.isNaN()).orElse(null),
                        known.map(PresenceShares.Reading::qValue).orElse(null), reasons));
            }
        }
        return List.copyOf(flagged.values());
    }
}
