package nl.buitenin.textinsight.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.textinsight.internal.SuggestedThemes;

/**
 * Suggested new themes through the API: the last discovery run and the suggestions waiting for a decision, a new run,
 * and an analyst's (or a machine's) decision to adopt or dismiss one.
 */
@RestController
@RequestMapping("/api/v1/themes/suggested")
class SuggestedThemesApi {

    private final SuggestedThemes suggested;

    SuggestedThemesApi(SuggestedThemes suggested) {
        this.suggested = suggested;
    }

    record RunView(Instant at, LocalDate from, LocalDate to, int texts, int refused) {
        static @Nullable RunView of(SuggestedThemes.@Nullable Run run) {
            return run == null ? null : new RunView(run.at(), run.from(), run.to(), run.texts(), run.refused());
        }
    }

    record ExampleView(String source, String id, String text) {
    }

    record SuggestedThemeView(String id, String language, List<String> labels, int size, String state, List<ExampleView> examples,
            @Nullable String themeId) {
        static SuggestedThemeView of(SuggestedThemes.Suggestion s) {
            return new SuggestedThemeView(s.id().toString(), s.language().code(), s.labels(), s.size(), s.state().name(),
                    s.examples().stream().map(e -> new ExampleView(e.source().name(), e.ref(), e.text())).toList(),
                    s.theme() == null ? null : s.theme().toString());
        }
    }

    record SuggestedView(@Nullable RunView run, List<SuggestedThemeView> suggestions) {
    }

    /** A run: the days (ISO dates, inclusive) and how many suggestions to keep; all optional. */
    record DiscoverRequest(@Nullable String from, @Nullable String to, @Nullable String count) {
    }

    /** Adopting: the theme's names and example phrases, each optional (defaults: the first label, the labels). */
    record AdoptRequest(@Nullable String nameNl, @Nullable String nameEn, @Nullable List<String> examples) {
    }

    record AdoptedThemeView(String id, String nameNl, String nameEn, List<String> examples) {
    }

    record DecisionView(String id, String state, @Nullable AdoptedThemeView theme) {
        static DecisionView of(SuggestedThemes.Decision d) {
            return new DecisionView(d.id().toString(), d.state().name(), d.theme() == null ? null
                    : new AdoptedThemeView(d.theme().id().toString(), d.theme().nameNl(), d.theme().nameEn(), d.theme().examples()));
        }
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Suggested new themes: the last discovery run (when, the days it read, how many texts it clustered and "
            + "how many the purpose 'service improvement' refused; null before the first run) and the suggestions nobody "
            + "decided on yet, largest first: language (nl, en), label phrases, size (texts), state SUGGESTED and up to three "
            + "examples (source COMMENT, CASE or NOTE, its id and its text, read now under 'service improvement')")
    SuggestedView suggested() {
        SuggestedThemes.Overview overview = suggested.overview();
        return new SuggestedView(RunView.of(overview.run()), overview.suggestions().stream().map(SuggestedThemeView::of).toList());
    }

    @PostMapping("/discover")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Discover new themes among the comments, case texts and notes of the days from..to (ISO dates, "
            + "inclusive; default the last 90 days; at most 366 days, not after today) that carry no confirmed or hand-made "
            + "theme, and keep up to count suggestions (1 to 30, default 10), replacing those of the last run nobody decided "
            + "on. Clusters decided on before and the taxonomy's own themes are not suggested again. Answers the run; a wrong "
            + "field is named in the problem's errors")
    RunView discover(@RequestBody(required = false) @Nullable DiscoverRequest request, Authentication caller) {
        DiscoverRequest given = request == null ? new DiscoverRequest(null, null, null) : request;
        return RunView.of(suggested.discover(given.from(), given.to(), given.count(), caller.getName()));
    }

    @PostMapping("/{id}/adopt")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Adopt a suggested theme: it becomes a theme of the taxonomy with nameNl and nameEn (default the first "
            + "label) and examples (default the label phrases), refused like POST /api/v1/themes (a wrong field named, a Dutch "
            + "name in use 409), and from then on the theme model suggests it. 404 for an unknown suggestion, 409 when it was "
            + "adopted or dismissed already")
    DecisionView adopt(@PathVariable UUID id, @RequestBody(required = false) @Nullable AdoptRequest request, Authentication caller) {
        AdoptRequest given = request == null ? new AdoptRequest(null, null, null) : request;
        return DecisionView.of(suggested.adopt(id, given.nameNl(), given.nameEn(), given.examples(), caller.getName()));
    }

    @PostMapping("/{id}/dismiss")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Dismiss a suggested theme: it is remembered, so a later run does not suggest the same cluster (the "
            + "same stemmed first label in the same language) again. 404 for an unknown suggestion, 409 when it was adopted "
            + "or dismissed already")
    DecisionView dismiss(@PathVariable UUID id, Authentication caller) {
        return DecisionView.of(suggested.dismiss(id, caller.getName()));
    }
}
