package nl.buitenin.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.GroupKind;
import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RecordedTimes;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PersonKey;

/**
 * Everything that changes groups, memberships and attributes, for the API, the CSV import and the demo alike. A batch
 * is one transaction: every valid item is stored (or found stored already, by its source id) and every wrong one is
 * reported by its index and field, so the report says exactly what was taken.
 */
@Service
public class GroupWork {

    public static final int MAX_BATCH = 10_000;
    static final int MAX_SOURCE_ID = 128;
    static final int MAX_VALUE = 100;

    private final JdbcGroups groups;
    private final JdbcMemberships memberships;
    private final JdbcAttributes attributes;
    private final RuleMemberships rules;
    private final Clock clock;

    GroupWork(JdbcGroups groups, JdbcMemberships memberships, JdbcAttributes attributes, RuleMemberships rules, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.attributes = attributes;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public Group create(GroupInput input) {
        Group group = groups.create(input.read());
        if (group.rule() != null) {
            rules.evaluate(group);
        }
        return group;
    }

    @Transactional
    public Group update(GroupId id, GroupInput input) {
        Group before = groups.byId(id).orElseThrow(() -> new NotFoundException("groups.thing.group", id));
        JdbcGroups.Definition definition = input.read();
        if (before.kind() != definition.kind()) {
            throw InvalidInputException.of("kind", "groups.invalid.kind.change");
        }
        Group group = groups.update(id, definition);
        if (group.rule() != null) {
            rules.evaluate(group);
        }
        return group;
    }

    @Transactional
    public void retire(GroupId id) {
        groups.retire(id, clock.instant());
    }

    /** Stores a batch of memberships (see the class comment). */
    @Transactional
    public IngestReport memberships(List<MembershipInput> items) {
        size(items);
        Instant now = clock.instant();
        Map<GroupId, Group> known = groups.all().stream().collect(Collectors.toMap(Group::id, Function.identity()));
        Set<String> seen = new HashSet<>();
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            MembershipInput item = items.get(i);
            List<FieldError> errors = new ArrayList<>();
            String sourceId = RequestValues.collecting(errors, () -> sourceId(item.sourceId()));
            PersonKey person = RequestValues.collecting(errors, () -> person(item.person()));
            Group group = RequestValues.collecting(errors, () -> group(item.group(), known));
            Instant from = RequestValues.collecting(errors, () -> moment("from", item.from(), now));
            Instant to = RequestValues.collecting(errors, () -> moment("to", item.to(), null));
            if (from == null && to == null && errors.stream().noneMatch(e -> "from".equals(e.field()) || "to".equals(e.field()))) {
                errors.add(FieldError.of("from", "groups.invalid.from.missing"));
            }
            if (from != null && to != null && !to.isAfter(from)) {
                errors.add(FieldError.of("to", "groups.invalid.to.order"));
            }
            if (!errors.isEmpty()) {
                outcomes.add(ItemOutcome.rejected(i, item.sourceId(), errors));
                continue;
            }
            if (!seen.add(sourceId)) {
                outcomes.add(ItemOutcome.duplicate(i, sourceId));
                continue;
            }
            boolean changed;
            if (from == null) {
                changed = memberships.leave(group.id(), person, to);
            } else {
                changed = memberships.join(group.id(), splitOf(group, known.values()), person, from, to, Membership.Origin.GIVEN, sourceId,
                        now) == JdbcMemberships.Outcome.JOINED;
            }
            outcomes.add(changed ? ItemOutcome.created(i, sourceId) : ItemOutcome.duplicate(i, sourceId));
        }
        return IngestReport.of(outcomes);
    }

    /** Stores a batch of attributes and evaluates the rules again for every person whose attributes changed. */
    @Transactional
    public IngestReport attributes(List<AttributeInput> items) {
        size(items);
        Instant now = clock.instant();
        Set<PersonKey> changed = new LinkedHashSet<>();
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            AttributeInput item = items.get(i);
            List<FieldError> errors = new ArrayList<>();
            String sourceId = RequestValues.collecting(errors, () -> sourceId(item.sourceId()));
            PersonKey person = RequestValues.collecting(errors, () -> person(item.person()));
            String name = RequestValues.collecting(errors, () -> attributeName(item.name()));
            String value = RequestValues.collecting(errors, () -> value(item.value()));
            Instant at = RequestValues.collecting(errors, () -> RequestValues.require(moment("at", item.at(), now), "at", "groups.invalid.at.missing"));
            if (!errors.isEmpty()) {
                outcomes.add(ItemOutcome.rejected(i, item.sourceId(), errors));
                continue;
            }
            if (attributes.add(new Attribute(person, name, value, at, sourceId), now)) {
                changed.add(person);
                outcomes.add(ItemOutcome.created(i, sourceId));
            } else {
                outcomes.add(ItemOutcome.duplicate(i, sourceId));
            }
        }
        rules.evaluate(changed);
        return IngestReport.of(outcomes);
    }

    /** The group itself and the groups that share its split. */
    static Set<GroupId> splitOf(Group group, java.util.Collection<Group> all) {
        Set<GroupId> split = new HashSet<>();
        split.add(group.id());
        if (group.split() != null) {
            all.stream().filter(g -> group.split().equals(g.split())).forEach(g -> split.add(g.id()));
        }
        return split;
    }

    private static void size(List<?> items) {
        if (items == null || items.isEmpty()) {
            throw InvalidInputException.of("items", "groups.invalid.items.none");
        }
        if (items.size() > MAX_BATCH) {
            throw InvalidInputException.of("items", "groups.invalid.items.many", MAX_BATCH);
        }
    }

    private static String sourceId(@Nullable String raw) {
        String id = RequestValues.required("sourceId", raw, "groups.invalid.sourceId");
        if (id.length() > MAX_SOURCE_ID) {
            throw InvalidInputException.of("sourceId", "groups.invalid.sourceId.long", MAX_SOURCE_ID);
        }
        return id;
    }

    private static PersonKey person(@Nullable String raw) {
        String key = RequestValues.required("person", raw, "groups.invalid.person", "");
        if (!PersonKey.isValid(key)) {
            throw InvalidInputException.of("person", "groups.invalid.person", key.length() > 40 ? key.substring(0, 40) + "…" : key);
        }
        return new PersonKey(key);
    }

    private static Group group(@Nullable String raw, Map<GroupId, Group> known) {
        GroupId id = RequestValues.require(RequestValues.id("group", raw, GroupId::new, "groups.invalid.group"), "group",
                "groups.invalid.group", "");
        Group group = known.get(id);
        if (group == null) {
            throw InvalidInputException.of("group", "groups.invalid.group", raw);
        }
        if (!group.active()) {
            throw InvalidInputException.of("group", "groups.invalid.group.retired", group.nameNl());
        }
        if (group.kind() == GroupKind.RULE) {
            throw InvalidInputException.of("group", "groups.invalid.group.rule", group.nameNl());
        }
        return group;
    }

    private static String attributeName(@Nullable String raw) {
        String name = RequestValues.required("name", raw, "groups.invalid.attribute", "");
        if (!Rule.NAME.matcher(name).matches()) {
            throw InvalidInputException.of("name", "groups.invalid.attribute", name.length() > 70 ? name.substring(0, 70) + "…" : name);
        }
        return name;
    }

    private static String value(@Nullable String raw) {
        String value = RequestValues.required("value", raw, "groups.invalid.value");
        if (value.length() > MAX_VALUE) {
            throw InvalidInputException.of("value", "groups.invalid.value.long", MAX_VALUE);
        }
        return value;
    }

    /** A moment with its offset, or null when not given; with {@code now}, checked as a moment that has happened. */
    private static @Nullable Instant moment(String field, @Nullable String raw, @Nullable Instant now) {
        if (RequestValues.blank(raw)) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "groups.invalid.moment", raw.strip());
        }
        if (now != null) {
            RecordedTimes.check(field, at, raw.strip(), now).ifPresent(error -> {
                throw new InvalidInputException(List.of(error));
            });
        }
        return at;
    }
}
