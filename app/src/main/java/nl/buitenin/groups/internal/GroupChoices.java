package nl.buitenin.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.groups.CustomerGroups;
import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.GroupKind;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.OwnChoices;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeGuard;

/**
 * "Bij welke groep wilt u horen?": for every split whose groups are all chosen by the person, the person picks one (a
 * membership from now on, which ends the one of the other group of the split, as every join does) or none (the open
 * membership ends now). Offered on the answer page and the person's own page through privacy's {@link OwnChoices}, so
 * neither listening nor privacy depends on groups. The choice is held for the purpose "customer groups": when that
 * purpose does not allow using the person's data, nothing is offered and a choice is refused.
 */
@Service
public class GroupChoices implements OwnChoices {

    static final String QUESTION_TEXT = "groups.choose.question";

    private final JdbcGroups groups;
    private final JdbcMemberships memberships;
    private final PurposeGuard purposes;
    private final Clock clock;

    GroupChoices(JdbcGroups groups, JdbcMemberships memberships, PurposeGuard purposes, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.purposes = purposes;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Offer offeredTo(PersonKey person, Locale locale) {
        if (!purposes.mayUse(CustomerGroups.PURPOSE, person)) {
            return new Offer(CustomerGroups.PURPOSE, List.of(), List.of());
        }
        List<Group> all = groups.all();
        Set<GroupId> now = memberships.of(person, clock.instant());
        List<String> belongsTo = all.stream().filter(g -> g.active() && now.contains(g.id())).map(g -> g.name(locale)).sorted().toList();
        List<Question> questions = new ArrayList<>();
        splits(all).forEach((split, members) -> {
            List<Group> sorted = members.stream().sorted(Comparator.comparing((Group g) -> g.name(locale))).toList();
            String current = sorted.stream().filter(g -> now.contains(g.id())).map(g -> g.id().toString()).findFirst().orElse(null);
            questions.add(new Question(split, QUESTION_TEXT,
                    sorted.stream().map(g -> new Option(g.id().toString(), g.name(locale), g.description(locale))).toList(), current));
        });
        return new Offer(CustomerGroups.PURPOSE, belongsTo, questions);
    }

    @Override
    @Transactional
    public void choose(PersonKey person, String question, @Nullable String option) {
        List<Group> all = groups.all();
        List<Group> split = splits(all).get(question);
        if (split == null) {
            throw InvalidInputException.of("group", "groups.invalid.choice.question");
        }
        if (!purposes.mayUse(CustomerGroups.PURPOSE, person)) {
            throw InvalidInputException.of("group", "groups.invalid.choice.purpose");
        }
        Set<GroupId> ids = split.stream().map(Group::id).collect(Collectors.toSet());
        Instant now = clock.instant();
        if (option == null || option.isBlank()) {
            for (GroupId id : ids) {
                memberships.leave(id, person, now);
            }
            return;
        }
        Group chosen = split.stream().filter(g -> g.id().toString().equals(option.strip())).findFirst()
                .orElseThrow(() -> InvalidInputException.of("group", "groups.invalid.choice.option"));
        memberships.join(chosen.id(), ids, person, now, null, Membership.Origin.CHOSEN, null, now);
    }

    /**
     * The splits a person chooses in: per split name, its active groups, when every one of them is chosen by the person
     * (a split of groups by rule follows the rule, not a choice). Ordered by split name.
     */
    static Map<String, List<Group>> splits(List<Group> all) {
        Map<String, List<Group>> bySplit = new LinkedHashMap<>();
        all.stream().filter(g -> g.active() && g.split() != null).sorted(Comparator.comparing(Group::split))
                .forEach(g -> bySplit.computeIfAbsent(g.split(), s -> new ArrayList<>()).add(g));
        bySplit.values().removeIf(members -> members.stream().anyMatch(g -> g.kind() != GroupKind.CHOSEN));
        return bySplit;
    }
}
