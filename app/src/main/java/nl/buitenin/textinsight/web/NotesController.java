package nl.buitenin.textinsight.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Users;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageRequest;
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
@Controller
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

    NotesController(Notes notes, Analyses analyses, TextReading reading, Touchpoints touchpoints, Users users,
            Organisations organisations) {
        this.notes = notes;
        this.analyses = analyses;
        this.reading = reading;
        this.touchpoints = touchpoints;
        this.users = users;
        this.organisations = organisations;
    }

    /** A note as the page shows it: names and a date, never ids or codes. */
    record NoteRow(String kindKey, @Nullable String touchpoint, String heardAt, @Nullable String text, boolean aboutAPerson,
            @Nullable String labelKey, boolean corrected) {
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
        ZoneId zone = organisations.current().timeZone();
        List<NoteRow> rows = new ArrayList<>();
        for (Notes.Note note : latest) {
            StoredAnalysis analysis = found.get(note.id().toString());
            String text = reading.mayRead(note.person(), "a note", note.heardAt()) ? note.text() : null;
            rows.add(new NoteRow(note.kind().messageKey(), touchpoints.byId(note.touchpoint()).map(t -> t.name(locale)).orElse(null),
                    WHEN.format(note.heardAt().atZone(zone)), text, note.person() != null,
                    analysis == null ? null : "textinsight.label." + analysis.label().code(), analysis != null && analysis.corrected() != null));
        }
        model.addAttribute("rows", rows);
        return "textinsight/notes";
    }

    @PostMapping("/notes")
    String record(@RequestParam(required = false) @Nullable String touchpoint, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String text, @RequestParam(required = false) @Nullable String person,
            Model model, Locale locale, RedirectAttributes redirect) {
        String me = users.current().orElseThrow(() -> new NotFoundException("access.thing.user", "current")).username();
        try {
            notes.record(new Notes.NoteInput(touchpoint, kind, text, person, null), me);
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
