package nl.buitenin.loop.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.listening.Comments;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.loop.internal.AnswerThemes;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RequestValues;

/**
 * Themes on answers through the API: put a theme on a completed response or take it off, both idempotent.
 * A signed-in analyst tags as a user; a machine with an API key (a text-analysis tool) as a suggester, so
 * that its tags can be told apart and reviewed.
 */
@RestController
@RequestMapping("/api/v1/answers/{response}/themes")
class AnswerThemesApi {

    private final AnswerThemes answerThemes;
    private final Comments comments;
    private final ThemeTagging tagging;

    AnswerThemesApi(AnswerThemes answerThemes, Comments comments, ThemeTagging tagging) {
        this.tagging = tagging;
        this.answerThemes = answerThemes;
        this.comments = comments;
    }

    /**
     * A tag: {@code confidence} is the suggester's (null for a person's tag), {@code state} SUGGESTED (an automatic
     * tag nobody reviewed) or CONFIRMED (a person's tag, or a suggestion an analyst accepted, by {@code confirmedBy}).
     */
    record TagView(String themeId, String nameNl, String nameEn, String taggedBy, Tagger tagger, Instant taggedAt,
            @Nullable Double confidence, String state, @Nullable String confirmedBy) {
    }

    record TagResult(String response, String themeId, boolean changed) {
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The themes of a completed response")
    List<TagView> themes(@PathVariable UUID response) {
        if (comments.answered(response).isEmpty()) {
            throw new NotFoundException("loop.thing.response", response);
        }
        return answerThemes.tagsOf(List.of(response)).getOrDefault(response, List.of()).stream()
                .map(t -> new TagView(t.theme().toString(), t.nameNl(), t.nameEn(), t.taggedBy(), t.kind(), t.at(), t.confidence(),
                        t.suggested() ? ThemeTag.State.SUGGESTED.name() : ThemeTag.State.CONFIRMED.name(), t.confirmedBy()))
                .toList();
    }

    @PutMapping("/{theme}")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Tag a completed response with a theme; changed is false when it had the tag already. A machine "
            + "(API key) suggests, with its confidence (0..1, optional; 0,8 or 0.8): changed is false when an analyst rejected "
            + "the theme before or a person tagged it; a suggestion nobody reviewed gets the new confidence. A signed-in "
            + "analyst tags as a person (confidence is not used), which also confirms a suggestion of the theme.")
    TagResult tag(@PathVariable UUID response, @PathVariable UUID theme, @RequestParam(required = false) String confidence,
            Authentication caller) {
        boolean machine = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().startsWith("SCOPE_"));
        Double sure = RequestValues.decimal("confidence", confidence, "loop.invalid.confidence");
        boolean changed;
        if (machine && sure != null) {
            changed = tagging.suggest(TagSubject.answer(response), new ThemeId(theme), caller.getName(), sure);
        } else {
            changed = answerThemes.tag(response, new ThemeId(theme), caller.getName(), machine ? Tagger.SUGGESTER : Tagger.USER);
        }
        return new TagResult(response.toString(), theme.toString(), changed);
    }

    @PostMapping("/{theme}/confirm")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "An analyst accepts a suggested theme: it becomes a confirmed tag, told back like a person's. changed is "
            + "false when it was confirmed already or a person's tag; 404 when the response has no such tag")
    TagResult confirm(@PathVariable UUID response, @PathVariable UUID theme, Authentication caller) {
        return new TagResult(response.toString(), theme.toString(),
                tagging.confirm(TagSubject.answer(response), new ThemeId(theme), caller.getName()));
    }

    @PostMapping("/{theme}/reject")
    @Allow({Role.ADMIN, Role.ANALYST})
    @Operation(summary = "An analyst rejects a theme on a response: the tag goes and the rejection is remembered, so a suggester "
            + "does not put it back (GET /api/v1/themes/tags lists it for learning). changed is false when it was rejected "
            + "already; 404 when the response has neither the tag nor a rejection of it")
    TagResult reject(@PathVariable UUID response, @PathVariable UUID theme, Authentication caller) {
        return new TagResult(response.toString(), theme.toString(),
                tagging.reject(TagSubject.answer(response), new ThemeId(theme), caller.getName()));
    }

    @DeleteMapping("/{theme}")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Take a theme off a response; changed is false when it did not have it")
    TagResult untag(@PathVariable UUID response, @PathVariable UUID theme) {
        return new TagResult(response.toString(), theme.toString(), answerThemes.untag(response, new ThemeId(theme)));
    }
}
