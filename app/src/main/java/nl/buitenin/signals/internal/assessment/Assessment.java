package nl.buitenin.signals.internal.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.OneTimeTokens;
import nl.buitenin.platform.PublicAddress;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.platform.SignedTokens.Verification;

/**
 * Day's self-assessment: rounds, the anonymous one-time links handed out per department and level, and the answers.
 * A link names only its batch (round, department, level); once spent it is forgotten, and the answer it gave keeps no
 * token, no date and no order — so nobody can tell which colleague gave which answer, and results are shown only where
 * at least k colleagues answered ({@link AssessmentResults}).
 */
@Service
public class Assessment {

    /** The one-time token purpose of a questionnaire link. */
    static final String PURPOSE = "staff-assessment";
    /** The most links made at once: a large department is split over several batches. */
    public static final int MOST_LINKS = 1000;
    static final int LONGEST_NAME = 80;

    private final JdbcAssessment store;
    private final OneTimeTokens tokens;
    private final PublicAddress address;
    private final Organisations organisations;
    private final Clock clock;

    Assessment(JdbcAssessment store, OneTimeTokens tokens, PublicAddress address, Organisations organisations, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.address = address;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** What a valid link opens: the round, and the department and level its answers will count for. */
    public record Opened(AssessmentRound round, String department, StaffLevel level) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(organisations.current().timeZone()));
    }

    @Transactional
    public AssessmentRound defineRound(RoundForm form) {
        return defineRound(form, clock.instant());
    }

    @Transactional
    public AssessmentRound defineRound(RoundForm form, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String name = RequestValues.collecting(errors, () -> RequestValues.required("name", form.name(), "assessment.invalid.name"));
        if (name != null && name.length() > LONGEST_NAME) {
            errors.add(FieldError.of("name", "assessment.invalid.name.long", LONGEST_NAME));
        }
        LocalDate opens = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("opensOn", form.opensOn(), "assessment.invalid.date"), "opensOn", "assessment.invalid.opensOn"));
        LocalDate closes = RequestValues.collecting(errors, () -> RequestValues.require(
                RequestValues.date("closesOn", form.closesOn(), "assessment.invalid.date"), "closesOn", "assessment.invalid.closesOn"));
        if (opens != null && closes != null && closes.isBefore(opens)) {
            errors.add(FieldError.of("closesOn", "assessment.invalid.closesBeforeOpens"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AssessmentRound round = new AssessmentRound(UUID.randomUUID(), name, opens, closes);
        store.addRound(round, now);
        return round;
    }

    /**
     * Makes {@code count} one-time links for colleagues of one department and level, valid until the round closes.
     * The links are returned once and not kept: whoever hands them out keeps them.
     */
    @Transactional
    public List<String> links(UUID roundId, @Nullable String rawDepartment, @Nullable String rawLevel, @Nullable String rawCount) {
        AssessmentRound round = store.round(roundId).orElseThrow(() -> InvalidInputException.of("round", "assessment.invalid.round"));
        List<FieldError> errors = new ArrayList<>();
        String department = RequestValues.collecting(errors,
                () -> RequestValues.required("department", rawDepartment, "assessment.invalid.department"));
        if (department != null && department.length() > LONGEST_NAME) {
            errors.add(FieldError.of("department", "assessment.invalid.department.long", LONGEST_NAME));
        }
        StaffLevel level = RequestValues.blank(rawLevel) ? null : StaffLevel.fromCode(rawLevel).orElse(null);
        if (level == null) {
            errors.add(FieldError.of("level", "assessment.invalid.level"));
        }
        Integer count = count(rawCount, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (today().isAfter(round.closesOn())) {
            throw new ConflictException("assessment.conflict.closed");
        }
        UUID batch = UUID.randomUUID();
        store.addBatch(new JdbcAssessment.Batch(batch, round.id(), department, level, count), clock.instant());
        Instant expires = round.closesOn().plusDays(1).atStartOfDay(organisations.current().timeZone()).toInstant();
        List<String> links = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            links.add(address.baseUrl() + "/assessment/" + tokens.issue(PURPOSE, batch.toString(), expires));
        }
        return links;
    }

    private static @Nullable Integer count(@Nullable String raw, List<FieldError> errors) {
        try {
            int count = Integer.parseInt(RequestValues.blank(raw) ? "" : raw.strip());
            if (count >= 1 && count <= MOST_LINKS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // told below, with the range
        }
        errors.add(FieldError.of("count", "assessment.invalid.count", MOST_LINKS));
        return null;
    }

    /** Checks a link without spending it. */
    public Verification check(String token) {
        return tokens.check(token, PURPOSE);
    }

    /** The round, department and level a verified link is for. */
    public Optional<Opened> opened(Verification verification) {
        return verification.claims().flatMap(claims -> {
            UUID batch;
            try {
                batch = UUID.fromString(claims.subject());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return store.batch(batch).flatMap(b -> store.round(b.round()).map(r -> new Opened(r, b.department(), b.level())));
        });
    }

    /**
     * Records one colleague's answers and spends the link, in one transaction: a second send of the same link does
     * nothing ({@link ConflictException}). Each raw value is blank ("weet ik niet") or a whole number from 1 to 5; at
     * least one statement must be answered. An error names the statement.
     */
    @Transactional
    public void answer(String token, Map<String, String> raw) {
        Opened opened = opened(check(token)).orElseThrow(() -> new ConflictException("assessment.conflict.link"));
        if (!opened.round().openOn(today())) {
            throw new ConflictException("assessment.conflict.notOpen");
        }
        Map<String, Integer> scores = scores(raw);
        if (!tokens.spend(token, PURPOSE)) {
            throw new ConflictException("assessment.conflict.sent");
        }
        store.addAnswer(opened.round().id(), new AssessmentAnswer(opened.department(), opened.level(), scores));
    }

    /** The answered statements, checked. */
    static Map<String, Integer> scores(Map<String, String> raw) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> scores = new LinkedHashMap<>();
        raw.keySet().stream().filter(key -> DayStatement.byKey(key).isEmpty())
                .forEach(key -> errors.add(FieldError.of(key, "assessment.invalid.statement")));
        for (DayStatement statement : DayStatement.ALL) {
            String value = raw.get(statement.key());
            if (RequestValues.blank(value)) {
                continue;
            }
            try {
                int score = Integer.parseInt(value.strip());
                if (score >= DayStatement.LOWEST && score <= DayStatement.HIGHEST) {
                    scores.put(statement.key(), score);
                    continue;
                }
            } catch (NumberFormatException e) {
                // told below
            }
            errors.add(FieldError.of(statement.key(), "assessment.invalid.score", FieldError.term(statement.messageKey())));
        }
        if (errors.isEmpty() && scores.isEmpty()) {
            errors.add(FieldError.of(null, "assessment.invalid.empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return scores;
    }
}
