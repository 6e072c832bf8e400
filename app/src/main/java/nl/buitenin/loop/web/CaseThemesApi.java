package nl.buitenin.loop.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.internal.CaseFiles;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.platform.NotFoundException;

/** The themes of a case through the API, as for a response (GET /api/v1/answers/{id}/themes), for reading only. */
@RestController
class CaseThemesApi {

    private final CaseFiles cases;
    private final ThemeTagging tagging;
    private final Themes themes;

    CaseThemesApi(CaseFiles cases, ThemeTagging tagging, Themes themes) {
        this.cases = cases;
        this.tagging = tagging;
        this.themes = themes;
    }

    /**
     * A tag: {@code tagger} USER, DESK or SUGGESTER, {@code confidence} the suggester's (null for a person's tag),
     * {@code state} SUGGESTED or CONFIRMED, and who confirmed it when.
     */
    record CaseTagView(String themeId, String nameNl, String nameEn, String tagger, String taggedBy, Instant taggedAt,
            @Nullable Double confidence, String state, @Nullable String confirmedBy, @Nullable Instant confirmedAt) {
    }

    @GetMapping("/api/v1/cases/{id}/themes")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The themes of a case: tags by a person (USER, DESK) and automatic suggestions (SUGGESTER) with their "
            + "confidence and state (SUGGESTED, or CONFIRMED by an analyst); rejected suggestions are not listed. 404 for an "
            + "unknown case")
    List<CaseTagView> themes(@PathVariable UUID id) {
        CaseId caseId = new CaseId(id);
        if (cases.byId(caseId).isEmpty()) {
            throw new NotFoundException("loop.thing.case", id);
        }
        Map<ThemeId, Themes.Theme> named = themes.all().stream().collect(Collectors.toMap(Themes.Theme::id, Function.identity()));
        return tagging.tagsOf(TagSubject.of(caseId)).stream()
                .filter(tag -> tag.state() != ThemeTag.State.REJECTED && named.containsKey(tag.theme()))
                .map(tag -> new CaseTagView(tag.theme().toString(), named.get(tag.theme()).nameNl(), named.get(tag.theme()).nameEn(),
                        tag.kind().name(), tag.taggedBy(), tag.taggedAt(), tag.confidence(), tag.state().name(), tag.decidedBy(),
                        tag.decidedAt()))
                .toList();
    }
}
