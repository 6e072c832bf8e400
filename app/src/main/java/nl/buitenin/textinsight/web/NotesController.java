package nl.buitenin.textinsight.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTaxonomy;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.textinsight.NoteKind;
import nl.buitenin.textinsight.TextSource;
import nl.buitenin.textinsight.internal.Analyses;
import nl.buitenin.textinsight.internal.Notes;
import nl.buitenin.textinsight.internal.StoredAnalysis;
import nl.buitenin.textinsight.internal.TextReading;

/**
 * Staff record what they heard (a focus group, a phone call, at the door) and see the latest notes with the sentiment
 * the analysis read in them. The text of a note about a person is shown only when "service improvement" allows it.
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
class NotesController {

    static final int SHOWN = 30;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

    private final Notes notes;
    private final Analyses analyses;
    private final TextReading reading;
    private final Touchpoints touchpoints;
    private final Users users;
    private final Organisations organisations;
    private final ThemeTagging tagging;
    private final ThemeTaxonomy taxonomy;
    private final Clock clock;

    NotesController(Notes notes, Analyses analyses, TextReading reading, Touchpoints touchpoints, Users users,
            Organisations organisations, ThemeTagging tagging, ThemeTaxonomy taxonomy, Clock clock) {
        this.clock = clock;
        this.tagging = tagging;
        this.taxonomy = taxonomy;
        this.notes = notes;
        this.analyses = analyses;
        this.reading = reading;
        this.touchpoints = touchpoints;
        this.users = users;
        this.organisations = organisations;
    }

    /** A note as the page shows it: names and a date, never ids or codes. */
    record NoteRow(UUID id, String kindKey, @Nullable String touchpoint, String heardAt, @Nullable String text, boolean aboutAPerson,
            @Nullable String labelKey, @Nullable String label, boolean corrected, List<NoteTheme> themes) {
    }

    /** A theme found in a note: its name, the suggester's confidence in whole per cent, and whether it awaits review. */
    record NoteTheme(UUID theme, String name, @Nullable Long percent, boolean suggested) {
    }

    @GetMapping("/notes")
    String notes(Model model, Locale locale) {
        List<Touchpoint> all = touchpoints.all().stream().sorted(Comparator.comparing(t -> t.name(locale))).toList();
        model.addAttribute("touchpoints", all);
        model.addAttribute("kinds", NoteKind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        List<Notes.Note> latest = notes.latest(null, new PageRequest(0, SHOWN)).items();
        Map<String, StoredAnalysis> found = analyses.findAll(TextSource.NOTE, latest.stream().map(n -> n.id().toString()).toList());
        List<NoteRow> rows = new ArrayList<>();
        for (Notes.Note note : latest) {
            rows.add(row(note, found.get(note.id().toString()), locale));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("mayCorrect", mayCorrect());
        model.addAttribute("labels", SentimentLabel.values());
        return "textinsight/notes";
    }

    /** An analyst corrects the sentiment of a note in place (htmx), or with a plain form post and a new page. */
    @PostMapping("/notes/{id}/label")
    @Allow({Role.ADMIN, Role.ANALYST})
    String correct(@PathVariable UUID id, @RequestParam(required = false) @Nullable String label,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model, Locale locale) {
        SentimentLabel chosen = RequestValues.requiredChoice("label", label, SentimentLabel.class, "textinsight.invalid.label");
        Notes.Note note = notes.byId(id).orElseThrow(() -> new NotFoundException("textinsight.thing.note", id));
        if (!analyses.correct(TextSource.NOTE, id.toString(), chosen, me(), clock.instant())) {
            throw new NotFoundException("textinsight.thing.note", id);
        }
        if (htmx == null) {
            return "redirect:/notes";
        }
        model.addAttribute("n", row(note, analyses.find(TextSource.NOTE, id.toString()).orElse(null), locale));
        model.addAttribute("mayCorrect", true);
        model.addAttribute("labels", SentimentLabel.values());
        return "textinsight/notes :: note";
    }

    private NoteRow row(Notes.Note note, @Nullable StoredAnalysis analysis, Locale locale) {
        ZoneId zone = organisations.current().timeZone();
        String text = reading.mayRead(note.person(), "a note", note.heardAt()) ? note.text() : null;
        return new NoteRow(note.id(), note.kind().messageKey(), touchpoints.byId(note.touchpoint()).map(t -> t.name(locale)).orElse(null),
                WHEN.format(note.heardAt().atZone(zone)), text, note.person() != null,
                analysis == null ? null : "textinsight.label." + analysis.label().code(), analysis == null ? null : analysis.label().name(),
                analysis != null && analysis.corrected() != null, themes(note.id(), locale));
    }

    private List<NoteTheme> themes(UUID note, Locale locale) {
        List<NoteTheme> themes = new ArrayList<>();
        for (ThemeTag tag : tagging.tagsOf(TagSubject.note(note))) {
            if (tag.state() == ThemeTag.State.REJECTED) {
                continue;
            }
            taxonomy.byId(tag.theme()).ifPresent(theme -> themes.add(new NoteTheme(tag.theme().value(), theme.name(locale),
                    tag.confidence() == null ? null : Math.round(tag.confidence() * 100), tag.state() == ThemeTag.State.SUGGESTED)));
        }
        return themes;
    }

    /** An analyst confirms a theme suggested on a note (htmx in place, or a plain form post and a new page). */
    @PostMapping("/notes/{id}/themes/{theme}/confirm")
    @Allow({Role.ADMIN, Role.ANALYST})
    String confirm(@PathVariable UUID id, @PathVariable UUID theme,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model, Locale locale) {
        tagging.confirm(TagSubject.note(id), new ThemeId(theme), me());
        return reviewed(id, htmx, model, locale);
    }

    /** An analyst rejects a theme suggested on a note: it goes, and the theme model learns from it. */
    @PostMapping("/notes/{id}/themes/{theme}/reject")
    @Allow({Role.ADMIN, Role.ANALYST})
    String reject(@PathVariable UUID id, @PathVariable UUID theme,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model, Locale locale) {
        tagging.reject(TagSubject.note(id), new ThemeId(theme), me());
        return reviewed(id, htmx, model, locale);
    }

    private String reviewed(UUID id, @Nullable String htmx, Model model, Locale locale) {
        Notes.Note note = notes.byId(id).orElseThrow(() -> new NotFoundException("textinsight.thing.note", id));
        if (htmx == null) {
            return "redirect:/notes";
        }
        model.addAttribute("n", row(note, analyses.find(TextSource.NOTE, id.toString()).orElse(null), locale));
        model.addAttribute("mayCorrect", true);
        model.addAttribute("labels", SentimentLabel.values());
        return "textinsight/notes :: note";
    }

    private boolean mayCorrect() {
        return users.current().map(u -> u.roles().contains(Role.ADMIN) || u.roles().contains(Role.ANALYST)).orElse(false);
    }

    private String me() {
        return users.current().orElseThrow(() -> new NotFoundException("access.thing.user", "current")).username();
    }

    @PostMapping("/notes")
    String record(@RequestParam(required = false) @Nullable String touchpoint, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable String person,
            Model model, Locale locale, RedirectAttributes redirect) {
        try {
            notes.record(new Notes.NoteInput(touchpoint, kind, text, person, null), me());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/notes";
        } catch (InvalidInputException e) {
            Map<String, @Nullable String> form = new LinkedHashMap<>();
            form.put("touchpoint", touchpoint);
            form.put("kind", kind);
            form.put("text", text);
            form.put("person", person);
            model.addAttribute("form", form);
            model.addAttribute("errors", e.errors());
            return notes(model, locale);
        }
    }
}
