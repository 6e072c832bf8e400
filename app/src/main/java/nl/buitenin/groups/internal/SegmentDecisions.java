package nl.buitenin.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PersonKey;

/**
 * What an analyst decides about a proposed segment: rename it, dismiss it, or adopt it — it becomes a group of kind
 * FOUND (named as the analyst chose, described by what sets it apart) with every member of the segment in it from
 * now on. A decided proposal keeps its figures but not its members.
 */
@Service
public class SegmentDecisions {

    private final JdbcSegments segments;
    private final JdbcGroups groups;
    private final JdbcMemberships memberships;
    private final SegmentTexts texts;
    private final Clock clock;

    SegmentDecisions(JdbcSegments segments, JdbcGroups groups, JdbcMemberships memberships, SegmentTexts texts, Clock clock) {
        this.segments = segments;
        this.groups = groups;
        this.memberships = memberships;
        this.texts = texts;
        this.clock = clock;
    }

    @Transactional
    public SegmentProposal rename(UUID id, @Nullable String nameNl, @Nullable String nameEn) {
        SegmentProposal proposal = open(id);
        List<FieldError> errors = new ArrayList<>();
        String nl = RequestValues.collecting(errors, () -> name("nameNl", nameNl));
        String en = RequestValues.collecting(errors, () -> name("nameEn", nameEn));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        segments.rename(proposal.id(), nl, en);
        return segments.byId(id).orElseThrow();
    }

    /** Adopts the proposal under the names given (or its own when none) and returns the new group. */
    @Transactional
    public Group adopt(UUID id, @Nullable String nameNl, @Nullable String nameEn, String by) {
        SegmentProposal proposal = open(id);
        String nl = RequestValues.blank(nameNl) ? proposal.nameNl() : nameNl;
        String en = RequestValues.blank(nameEn) ? proposal.nameEn() : nameEn;
        JdbcGroups.Definition definition = new GroupInput(nl, en, description(proposal, Locale.forLanguageTag("nl")),
                description(proposal, Locale.ENGLISH), "FOUND", null, null).read();
        Group group = groups.create(definition);
        Instant now = clock.instant();
        for (PersonKey person : segments.members(id)) {
            memberships.join(group.id(), Set.of(group.id()), person, now, null, Membership.Origin.FOUND, "segment:" + id + ":" + person.value(), now);
        }
        segments.decide(id, SegmentProposal.State.ADOPTED, group.id(), by, now);
        return group;
    }

    @Transactional
    public void dismiss(UUID id, String by) {
        open(id);
        segments.decide(id, SegmentProposal.State.DISMISSED, null, by, clock.instant());
    }

    private SegmentProposal open(UUID id) {
        SegmentProposal proposal = segments.byId(id).orElseThrow(() -> new NotFoundException("groups.thing.segment", id));
        if (proposal.state() != SegmentProposal.State.PROPOSED) {
            throw new ConflictException("groups.conflict.segment.decided", proposal.nameNl());
        }
        return proposal;
    }

    private String description(SegmentProposal proposal, Locale locale) {
        String text = String.join("; ", texts.describe(proposal, locale));
        return text.length() > GroupInput.MAX_DESCRIPTION ? text.substring(0, GroupInput.MAX_DESCRIPTION) : text;
    }

    private static String name(String field, @Nullable String raw) {
        String name = RequestValues.required(field, raw, "groups.invalid.name");
        if (name.length() > GroupInput.MAX_NAME) {
            throw InvalidInputException.of(field, "groups.invalid.name.long", GroupInput.MAX_NAME);
        }
        return name;
    }
}
