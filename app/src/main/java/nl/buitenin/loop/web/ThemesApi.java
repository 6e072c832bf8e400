package nl.buitenin.loop.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.internal.LoopSettings;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.platform.RequestValues;

/**
 * The theme taxonomy through the API: themes with their example phrases (what an automatic suggester starts from),
 * every tag and rejection for a suggester to learn from, and the loop's settings ("you said, we did" threshold).
 */
@RestController
@RequestMapping("/api/v1")
class ThemesApi {

    private final Themes themes;
    private final LoopSettings settings;

    ThemesApi(Themes themes, LoopSettings settings) {
        this.themes = themes;
        this.settings = settings;
    }

    record ThemeView(String id, String nameNl, String nameEn, @Nullable String parent, List<String> examples) {
        static ThemeView of(Themes.Theme t) {
            return new ThemeView(t.id().toString(), t.nameNl(), t.nameEn(), t.parent() == null ? null : t.parent().toString(),
                    t.examples());
        }
    }

    /** A new theme; {@code parent} is the id of the theme it falls under (optional). */
    record ThemeRequest(@Nullable String nameNl, @Nullable String nameEn, @Nullable String parent, @Nullable List<String> examples) {
    }

    record ThemeExamplesRequest(@Nullable List<String> examples) {
    }

    record ThemeTagView(String subject, String subjectId, String themeId, String tagger, String taggedBy, @Nullable Double confidence,
            String state, Instant taggedAt, @Nullable String decidedBy, @Nullable Instant decidedAt) {
        static ThemeTagView of(ThemeTag t) {
            return new ThemeTagView(t.subject().kind().name(), t.subject().id().toString(), t.theme().toString(), t.kind().name(),
                    t.taggedBy(), t.confidence(), t.state().name(), t.taggedAt(), t.decidedBy(), t.decidedAt());
        }
    }

    record LoopSettingsView(@Nullable Double tellBackMinConfidence) {
    }

    @GetMapping("/themes")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The organisation's themes with their example phrases (Dutch and/or English), by Dutch name")
    List<ThemeView> themes() {
        return themes.all().stream().map(ThemeView::of).toList();
    }

    @PostMapping("/themes")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Add a theme: nameNl and nameEn (1 to 200 characters, the Dutch name unique), optional parent "
            + "(a theme id) and examples (at most 20 phrases of at most 200 characters; blank ones skipped, repeats kept once). "
            + "A wrong field is named in the problem's errors, e.g. examples[2]; a Dutch name in use is a 409")
    ThemeView add(@RequestBody ThemeRequest request) {
        ThemeId parent = RequestValues.id("parent", request.parent(), ThemeId::new, "loop.invalid.unknownTheme");
        return ThemeView.of(themes.add(request.nameNl(), request.nameEn(), parent,
                request.examples() == null ? List.of() : request.examples()));
    }

    @PutMapping("/themes/{id}/examples")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "Replace a theme's example phrases (an empty list removes them); same rules as when adding a theme; "
            + "an unknown theme is a 404")
    ThemeView examples(@PathVariable UUID id, @RequestBody ThemeExamplesRequest request) {
        return ThemeView.of(themes.changeExamples(new ThemeId(id), request.examples() == null ? List.of() : request.examples()));
    }

    @GetMapping("/themes/tags")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Every theme tag and rejection on cases and answers, for a suggester to learn from: subject CASE or "
            + "ANSWER and its id, tagger USER, DESK or SUGGESTER, the suggester's confidence (null for a person's tag), state "
            + "SUGGESTED (not reviewed), CONFIRMED (a person's tag or an accepted suggestion) or REJECTED, and who decided when. "
            + "Ordered by subject and theme; page from 0, size 1 to 500")
    PageResult<ThemeTagView> tags(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageResult<ThemeTag> tags = themes.allTags(PageRequest.of(page, size));
        return new PageResult<>(tags.items().stream().map(ThemeTagView::of).toList(), tags.page(), tags.size(), tags.total());
    }

    @GetMapping("/loop/settings")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The loop's settings: tellBackMinConfidence, the confidence (0..1, default 0.8) an automatic theme "
            + "needs before \"you said, we did\" tells its person without an analyst's confirmation")
    LoopSettingsView settings() {
        return new LoopSettingsView(settings.tellBackMinConfidence());
    }

    @PutMapping("/loop/settings")
    @Allow(Role.ADMIN)
    @Operation(summary = "Change the loop's settings; tellBackMinConfidence must be a number from 0 to 1")
    LoopSettingsView changeSettings(@RequestBody LoopSettingsView changed) {
        return new LoopSettingsView(settings.changeTellBackMinConfidence(changed.tellBackMinConfidence()));
    }
}
