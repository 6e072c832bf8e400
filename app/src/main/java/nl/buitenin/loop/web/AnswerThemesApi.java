package nl.buitenin.loop.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.listening.Comments;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.loop.internal.AnswerThemes;
import nl.buitenin.platform.NotFoundException;

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

    AnswerThemesApi(AnswerThemes answerThemes, Comments comments) {
        this.answerThemes = answerThemes;
        this.comments = comments;
    }

    record TagView(String themeId, String nameNl, String nameEn, String taggedBy, Tagger tagger, Instant taggedAt) {
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
                .map(t -> new TagView(t.theme().toString(), t.nameNl(), t.nameEn(), t.taggedBy(), t.kind(), t.at())).toList();
    }

    @PutMapping("/{theme}")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Tag a completed response with a theme; changed is false when it had the tag already")
    TagResult tag(@PathVariable UUID response, @PathVariable UUID theme, Authentication caller) {
        boolean machine = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().startsWith("SCOPE_"));
        boolean changed = answerThemes.tag(response, new ThemeId(theme), caller.getName(), machine ? Tagger.SUGGESTER : Tagger.USER);
        return new TagResult(response.toString(), theme.toString(), changed);
    }

    @DeleteMapping("/{theme}")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Take a theme off a response; changed is false when it did not have it")
    TagResult untag(@PathVariable UUID response, @PathVariable UUID theme) {
        return new TagResult(response.toString(), theme.toString(), answerThemes.untag(response, new ThemeId(theme)));
    }
}
