package nl.buitenin.loop.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.listening.DescribedResponse;
import nl.buitenin.listening.ResponseDescriptions;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseTypes;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.NotFoundException;

/** What the loop pages share: the signed-in user and turning cases into views. */
@Component
class LoopPages {

    private static final String ANSWER = "answer:";

    private final Users users;
    private final CaseTypes types;
    private final Organisations organisations;
    private final Clock clock;
    private final ResponseDescriptions responses;
    private final MessageSource messages;

    LoopPages(Users users, CaseTypes types, Organisations organisations, Clock clock, ResponseDescriptions responses,
            MessageSource messages) {
        this.users = users;
        this.types = types;
        this.organisations = organisations;
        this.clock = clock;
        this.responses = responses;
        this.messages = messages;
    }

    User me() {
        return users.current().orElseThrow(() -> new NotFoundException("access.thing.user", "current"));
    }

    ZoneId zone() {
        return organisations.current().timeZone();
    }

    Clock clock() {
        return clock;
    }

    Map<UUID, String> userNames() {
        return users.all().stream().collect(Collectors.toMap(u -> u.id().value(), User::displayName));
    }

    List<User> users() {
        return users.all();
    }

    List<User> teamMembers(String team) {
        return users.all().stream().filter(u -> team != null && team.equals(u.team())).toList();
    }

    /** Cases as pages show them; a case from an answer is named by that answer in words ("How satisfied…: 2 of 5"). */
    List<CaseView> views(List<CaseFile> cases, Locale locale) {
        Map<String, CaseTypes.Definition> byCode = types.all().stream()
                .collect(Collectors.toMap(d -> d.type().code(), Function.identity()));
        Map<UUID, String> names = userNames();
        Map<UUID, DescribedResponse> answers = responses.describe(cases.stream().map(LoopPages::answerOf).filter(Objects::nonNull).toList());
        var now = clock.instant();
        ZoneId zone = zone();
        return cases.stream().map(c -> {
            UUID answer = answerOf(c);
            DescribedResponse described = answer == null ? null : answers.get(answer);
            return CaseView.of(c, byCode, names, zone, now, locale, described == null ? null : inWords(described, locale));
        }).toList();
    }

    CaseView view(CaseFile c, Locale locale) {
        return views(List.of(c), locale).get(0);
    }

    /** The response a case was opened from, or null for a complaint, a manual case or a desk's case. */
    static @Nullable UUID answerOf(CaseFile c) {
        String source = c.source().value();
        if (!source.startsWith(ANSWER)) {
            return null;
        }
        try {
            return UUID.fromString(source.substring(ANSWER.length()));
        } catch (IllegalArgumentException notAResponse) {
            return null;
        }
    }

    /** The answers of a response in one line, the lowest score (the one that opened the case, as a rule) first. */
    String inWords(DescribedResponse response, Locale locale) {
        List<String> parts = response.answers().stream()
                .sorted(Comparator.comparingDouble(LoopPages::share))
                .map(a -> answer(a, locale)).toList();
        return parts.isEmpty() ? messages.getMessage("loop.answer.none", null, locale) : String.join(" · ", parts);
    }

    /** One answer in words: "How satisfied are you…: 2 of 5", "What went wrong?: Late, Rude". */
    String answer(DescribedResponse.Answer a, Locale locale) {
        String given = a.scored() ? score(a, locale) : String.join(", ", a.choices(locale));
        return messages.getMessage("loop.answer.line", new Object[] {a.question(locale), given}, locale);
    }

    String score(DescribedResponse.Answer a, Locale locale) {
        return messages.getMessage("loop.answer.score", new Object[] {a.score(), a.max()}, locale);
    }

    String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** Where the score lies on its scale, 0 (lowest) to 1; choices after every score. */
    private static double share(DescribedResponse.Answer a) {
        if (!a.scored() || a.max() == a.type().min()) {
            return 2;
        }
        return (a.score() - a.type().min()) / (double) (a.max() - a.type().min());
    }
}
