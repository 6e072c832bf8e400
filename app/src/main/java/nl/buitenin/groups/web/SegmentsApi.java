package nl.buitenin.groups.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.JdbcSegments;
import nl.buitenin.groups.internal.SegmentDecisions;
import nl.buitenin.groups.internal.SegmentFinder;
import nl.buitenin.groups.internal.SegmentProposal;
import nl.buitenin.groups.internal.SegmentTexts;

/**
 * The segment finder ("found in the data"): analysts and administrators ask for proposals, rename, adopt or dismiss
 * them; an adopted proposal becomes a group of kind FOUND with its members from then on. Agents are refused.
 */
@RestController
@RequestMapping("/api/v1/groups/segments")
class SegmentsApi {

    private final SegmentFinder finder;
    private final SegmentDecisions decisions;
    private final JdbcSegments segments;
    private final SegmentTexts texts;

    SegmentsApi(SegmentFinder finder, SegmentDecisions decisions, JdbcSegments segments, SegmentTexts texts) {
        this.finder = finder;
        this.decisions = decisions;
        this.segments = segments;
        this.texts = texts;
    }

    @Schema(name = "SegmentTrait")
    record TraitJson(@Schema(description = "SCORE, THEME, NUMBER or VALUE") String kind, String labelNl, String labelEn,
            @Schema(description = "the attribute's value, for kind VALUE") @Nullable String value,
            @Schema(description = "inside the segment: a mean (SCORE, NUMBER) or a share 0-1 (THEME, VALUE)") double inside,
            @Schema(description = "the same for everybody else") double outside,
            @Schema(description = "in words, in the language of Accept-Language") String text) {
    }

    @Schema(name = "SegmentProposal")
    record ProposalJson(UUID id, String nameNl, String nameEn, long size, List<TraitJson> traits,
            @Schema(description = "the number of segments chosen (k) by the mean silhouette") int k, double silhouette,
            @Schema(description = "the people the search read") long people, Instant createdAt) {
    }

    record SegmentNames(@Nullable String nameNl, @Nullable String nameEn) {
    }

    @Schema(name = "AdoptedSegment")
    record AdoptedJson(UUID group, String nameNl, String nameEn, String kind) {
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The open segment proposals, largest first")
    List<ProposalJson> open(Locale locale) {
        return segments.open().stream().map(p -> json(p, locale)).toList();
    }

    @PostMapping
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Search for segments again", description = "Reads the people who answered in the last 12 months (scores, "
            + "themes of their answers, attributes), clusters them with k-prototypes (k = 2..6 by the mean silhouette) and replaces "
            + "the open proposals. 409 when fewer than 20 people can be read.")
    List<ProposalJson> propose(Locale locale) {
        return finder.propose().stream().map(p -> json(p, locale)).toList();
    }

    @PutMapping("/{id}")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Rename an open proposal")
    ProposalJson rename(@PathVariable UUID id, @RequestBody SegmentNames names, Locale locale) {
        return json(decisions.rename(id, names.nameNl(), names.nameEn()), locale);
    }

    @PostMapping("/{id}/adopt")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Adopt a proposal: it becomes a group of kind FOUND with its members from now",
            description = "Names given here (optional) replace the proposal's; 409 when a group has the name or the proposal was decided.")
    AdoptedJson adopt(@PathVariable UUID id, @RequestBody(required = false) @Nullable SegmentNames names, Authentication who) {
        Group group = decisions.adopt(id, names == null ? null : names.nameNl(), names == null ? null : names.nameEn(), who.getName());
        return new AdoptedJson(group.id().value(), group.nameNl(), group.nameEn(), group.kind().name());
    }

    @PostMapping("/{id}/dismiss")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Dismiss a proposal")
    void dismiss(@PathVariable UUID id, Authentication who) {
        decisions.dismiss(id, who.getName());
    }

    private ProposalJson json(SegmentProposal p, Locale locale) {
        return new ProposalJson(p.id(), p.nameNl(), p.nameEn(), p.size(), p.traits().stream().map(t -> new TraitJson(t.kind().name(),
                t.labelNl(), t.labelEn(), t.value(), t.inside(), t.outside(), texts.describe(t, locale))).toList(), p.k(), p.silhouette(),
                p.people(), p.createdAt());
    }
}
