package nl.buitenin.textinsight.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.textinsight.TextSource;
import nl.buitenin.textinsight.internal.Analyses;
import nl.buitenin.textinsight.internal.Notes;
import nl.buitenin.textinsight.internal.ThemeSuggestions;
import nl.buitenin.textinsight.internal.TextReading;

/**
 * Notes through the API: what staff heard in a focus group, a phone call or at the door, recorded as feedback on a
 * touchpoint. The text of a note about a person is read under "service improvement"; when that purpose refuses it the
 * note is listed without its text.
 */
@RestController
@RequestMapping("/api/v1/notes")
class NotesApi {

    private final Notes notes;
    private final TextReading reading;
    private final ThemeSuggestions themes;
    private final Analyses analyses;

    NotesApi(Notes notes, TextReading reading, ThemeSuggestions themes, Analyses analyses) {
        this.notes = notes;
        this.reading = reading;
        this.themes = themes;
        this.analyses = analyses;
    }

    record NoteThemeView(String themeId, String nameNl, String nameEn, double confidence) {
    }

    record NoteThemesView(@Schema(description = "true when 'service improvement' does not allow reading the note now: no themes")
            boolean textWithheld, List<NoteThemeView> themes) {
    }

    @GetMapping("/{id}/themes")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The themes of the taxonomy the theme model finds in a note, with its confidence, most confident first. "
            + "Loop tags answers and cases, not notes: these are computed now from the note's text (read under 'service "
            + "improvement'; textWithheld and no themes when it refuses) and the current taxonomy, and are not stored")
    NoteThemesView themes(@PathVariable UUID id) {
        Notes.Note note = notes.byId(id).orElseThrow(() -> new NotFoundException("textinsight.thing.note", id));
        if (!reading.mayRead(note.person(), "themes of a note", note.heardAt())) {
            return new NoteThemesView(true, List.of());
        }
        Language language = analyses.find(TextSource.NOTE, id.toString()).map(stored -> stored.text().language())
                .orElseGet(() -> TextAnalyzer.standard().language(note.text()));
        return new NoteThemesView(false, themes.themesOf(note.text(), language).stream()
                .map(found -> new NoteThemeView(found.theme().id().toString(), found.theme().nameNl(), found.theme().nameEn(),
                        found.confidence()))
                .toList());
    }

    @Schema(name = "NoteRequest")
    record NoteJson(@Schema(description = "the touchpoint's id", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String touchpoint,
            @Schema(description = "FOCUS_GROUP, PHONE_CALL, AT_THE_DOOR, VISIT or OTHER", requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable String kind,
            @Schema(description = "what was heard, at most 4000 characters", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String text,
            @Schema(description = "the person's key (p_…) when the note is about one person") @Nullable String person,
            @Schema(description = "when it was heard, ISO 8601 with offset; now when left out") @Nullable String heardAt) {
    }

    @Schema(name = "Note")
    record NoteView(UUID id, UUID touchpoint, String kind, @Schema(description = "null when it may not be read now") @Nullable String text,
            boolean aboutAPerson, Instant heardAt, Instant recordedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(value = {Role.ADMIN, Role.ANALYST, Role.AGENT}, scopes = Scope.INGEST)
    @Operation(summary = "Record a note of what was heard; it is analysed like a comment (channel NOTE)")
    NoteView record(@RequestBody(required = false) @Nullable NoteJson body, Authentication caller) {
        NoteJson given = body == null ? new NoteJson(null, null, null, null, null) : body;
        Notes.Note note = notes.record(new Notes.NoteInput(given.touchpoint(), given.kind(), given.text(), given.person(), given.heardAt()),
                caller.getName());
        return new NoteView(note.id(), note.touchpoint().value(), note.kind().name(), note.text(), note.person() != null, note.heardAt(),
                note.recordedAt());
    }

    @GetMapping
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "The notes, newest heard first; of one touchpoint when given")
    PageResult<NoteView> list(@RequestParam(required = false) @Nullable String touchpoint, @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        TouchpointId where = RequestValues.id("touchpoint", touchpoint, TouchpointId::new, "textinsight.invalid.touchpoint");
        PageResult<Notes.Note> found = notes.latest(where, PageRequest.of(page, size));
        return new PageResult<>(found.items().stream().map(this::view).toList(), found.page(), found.size(), found.total());
    }

    @GetMapping("/{id}")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "One note")
    NoteView one(@PathVariable UUID id) {
        return notes.byId(id).map(this::view).orElseThrow(() -> new NotFoundException("textinsight.thing.note", id));
    }

    private NoteView view(Notes.Note note) {
        boolean readable = reading.mayRead(note.person(), "a note", note.heardAt());
        return new NoteView(note.id(), note.touchpoint().value(), note.kind().name(), readable ? note.text() : null, note.person() != null,
                note.heardAt(), note.recordedAt());
    }
}
