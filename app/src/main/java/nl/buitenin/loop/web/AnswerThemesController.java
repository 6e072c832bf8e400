package nl.buitenin.loop.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.Comment;
import nl.buitenin.listening.Comments;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.loop.internal.AnswerThemes;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;

/**
 * An analyst reads the latest comments (of all touchpoints or one) and tags each answer with themes in
 * place. Free text is personal data: every comment of a known person is read under the purpose "service
 * improvement" and the read is logged; a comment the purpose does not allow is not shown, only counted.
 */
@Controller
@Allow({Role.ADMIN, Role.ANALYST})
class AnswerThemesController {

    static final int SHOWN = 30;

    private final Comments comments;
    private final AnswerThemes answerThemes;
    private final Themes themes;
    private final ThemeTagging tagging;
    private final Touchpoints touchpoints;
    private final PurposeGuard purposes;
    private final LoopPages pages;

    AnswerThemesController(Comments comments, AnswerThemes answerThemes, Themes themes, ThemeTagging tagging, Touchpoints touchpoints,
            PurposeGuard purposes, LoopPages pages) {
        this.comments = comments;
        this.tagging = tagging;
        this.answerThemes = answerThemes;
        this.themes = themes;
        this.touchpoints = touchpoints;
        this.purposes = purposes;
        this.pages = pages;
    }

    /** One answer as the page shows it: its comments, touchpoint name, date and themes. */
    record AnswerRow(UUID response, List<String> texts, String touchpoint, String at, boolean anonymous, List<Themes.Tag> tags) {
    }

    @GetMapping("/loop/comments")
    String comments(@RequestParam(required = false) UUID touchpoint, Model model, Locale locale) {
        TouchpointId chosen = touchpoint == null ? null : new TouchpointId(touchpoint);
        Map<UUID, List<Comment>> byResponse = new LinkedHashMap<>();
        int withheld = 0;
        for (Comment comment : comments.latest(chosen, SHOWN * 3)) {
            if (byResponse.size() == SHOWN && !byResponse.containsKey(comment.response())) {
                break;
            }
            if (!readable(comment)) {
                withheld++;
                continue;
            }
            byResponse.computeIfAbsent(comment.response(), r -> new ArrayList<>()).add(comment);
        }
        List<Touchpoint> all = touchpoints.all().stream().sorted(Comparator.comparing(t -> t.name(locale))).toList();
        model.addAttribute("touchpoints", all);
        model.addAttribute("chosen", touchpoint);
        model.addAttribute("rows", rows(byResponse, all, locale));
        model.addAttribute("withheld", withheld);
        model.addAttribute("themes", themes.all());
        return "loop/comments";
    }

    @PostMapping("/loop/comments/{response}/themes")
    String tag(@PathVariable UUID response, @RequestParam UUID theme, @RequestParam(required = false) UUID touchpoint,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        answerThemes.tag(response, new ThemeId(theme), pages.me().username(), Tagger.USER);
        return answer(response, touchpoint, htmx, model, locale);
    }

    @PostMapping("/loop/comments/{response}/themes/{theme}/remove")
    String untag(@PathVariable UUID response, @PathVariable UUID theme, @RequestParam(required = false) UUID touchpoint,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        answerThemes.untag(response, new ThemeId(theme));
        return answer(response, touchpoint, htmx, model, locale);
    }

    /** An analyst accepts the suggester's theme: it becomes a confirmed tag (and may now be told back). */
    @PostMapping("/loop/comments/{response}/themes/{theme}/confirm")
    String confirm(@PathVariable UUID response, @PathVariable UUID theme, @RequestParam(required = false) UUID touchpoint,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        tagging.confirm(TagSubject.answer(response), new ThemeId(theme), pages.me().username());
        return answer(response, touchpoint, htmx, model, locale);
    }

    /** An analyst rejects the suggester's theme: it goes, and the suggester will not put it back. */
    @PostMapping("/loop/comments/{response}/themes/{theme}/reject")
    String reject(@PathVariable UUID response, @PathVariable UUID theme, @RequestParam(required = false) UUID touchpoint,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        tagging.reject(TagSubject.answer(response), new ThemeId(theme), pages.me().username());
        return answer(response, touchpoint, htmx, model, locale);
    }

    /** The changed answer as a fragment for htmx, or the whole page again for a plain form post. */
    private String answer(UUID response, UUID touchpoint, String htmx, Model model, Locale locale) {
        if (htmx == null) {
            return touchpoint == null ? "redirect:/loop/comments" : "redirect:/loop/comments?touchpoint=" + touchpoint;
        }
        List<Comment> texts = comments.of(response).stream().filter(this::readable).toList();
        if (texts.isEmpty()) {
            throw new NotFoundException("loop.thing.response", response);
        }
        model.addAttribute("r", rows(Map.of(response, texts), touchpoints.all(), locale).get(0));
        model.addAttribute("themes", themes.all());
        model.addAttribute("chosen", touchpoint);
        return "loop/comments :: answer";
    }

    private boolean readable(Comment comment) {
        if (comment.person() == null) {
            return true;
        }
        try {
            purposes.check(PurposeId.SERVICE_IMPROVEMENT, comment.person(), "comment of response " + comment.response(), comment.at());
            return true;
        } catch (PurposeRefusedException e) {
            return false;
        }
    }

    private List<AnswerRow> rows(Map<UUID, List<Comment>> byResponse, List<Touchpoint> all, Locale locale) {
        Map<UUID, List<Themes.Tag>> tags = answerThemes.tagsOf(byResponse.keySet());
        Map<TouchpointId, String> names = new LinkedHashMap<>();
        all.forEach(t -> names.put(t.id(), t.name(locale)));
        List<AnswerRow> rows = new ArrayList<>();
        byResponse.forEach((response, texts) -> {
            Comment first = texts.get(0);
            rows.add(new AnswerRow(response, texts.stream().map(Comment::text).toList(),
                    first.touchpoint() == null ? null : names.get(first.touchpoint()), CaseView.time(first.at(), pages.zone(), locale),
                    first.person() == null, tags.getOrDefault(response, List.of())));
        });
        return rows;
    }
}
