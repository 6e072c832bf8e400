package nl.buitenin.loop.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
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
import nl.buitenin.listening.TextSentiment;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.TextSentiments;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.loop.internal.AnswerThemes;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;

/**
 * An analyst reads the latest comments (of all touchpoints or one) and tags each answer with themes in
 * place. Free text is personal data: every comment of a known person is read under the purpose "service
 * improvement" and the read is logged; a comment the purpose does not allow is not shown, only counted. Each answer
 * shows the sentiment read in its comments (through {@link TextSentiments}, when a module reads texts), which the
 * analyst corrects in place, and the page lists the answers of one sentiment on request.
 */
@PageController
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
    private final ObjectProvider<TextSentiments> sentiments;

    AnswerThemesController(Comments comments, AnswerThemes answerThemes, Themes themes, ThemeTagging tagging, Touchpoints touchpoints,
            PurposeGuard purposes, LoopPages pages, ObjectProvider<TextSentiments> sentiments) {
        this.sentiments = sentiments;
        this.comments = comments;
        this.tagging = tagging;
        this.answerThemes = answerThemes;
        this.themes = themes;
        this.touchpoints = touchpoints;
        this.purposes = purposes;
        this.pages = pages;
    }

    /** One answer as the page shows it: its comments, touchpoint name, date, themes and the sentiment read in it. */
    record AnswerRow(UUID response, List<String> texts, String touchpoint, String at, boolean anonymous, List<Themes.Tag> tags,
            @Nullable TextSentiment sentiment) {
    }

    @GetMapping("/loop/comments")
    String comments(@RequestParam(required = false) UUID touchpoint, @RequestParam(required = false) @Nullable String sentiment,
            Model model, Locale locale) {
        TouchpointId chosen = touchpoint == null ? null : new TouchpointId(touchpoint);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        TextSentiment.Label feeling = RequestValues.collecting(errors,
                () -> RequestValues.choice("sentiment", sentiment, TextSentiment.Label.class, "loop.invalid.sentiment"));
        model.addAttribute("errors", errors);
        TextSentiments reader = sentiments.getIfAvailable();
        Map<UUID, List<Comment>> byResponse = new LinkedHashMap<>();
        int withheld = 0;
        for (Comment comment : candidates(chosen, feeling, reader)) {
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
        model.addAttribute("feeling", feeling);
        model.addAttribute("feelings", TextSentiment.Label.values());
        model.addAttribute("readsSentiment", reader != null);
        return "loop/comments";
    }

    /** The latest comments, or those of the answers read with the chosen sentiment, newest first. */
    private List<Comment> candidates(@Nullable TouchpointId touchpoint, TextSentiment.@Nullable Label feeling, @Nullable TextSentiments reader) {
        if (feeling == null) {
            return comments.latest(touchpoint, SHOWN * 3);
        }
        if (reader == null) {
            return List.of();
        }
        List<Comment> found = new ArrayList<>();
        for (UUID response : reader.answersLabelled(feeling, touchpoint, SHOWN * 3)) {
            found.addAll(comments.of(response));
        }
        return found;
    }

    /** An analyst corrects the sentiment read in an answer's comments: in place with htmx, or a plain post and the page again. */
    @PostMapping("/loop/comments/{response}/sentiment")
    String correct(@PathVariable UUID response, @RequestParam(required = false) @Nullable String label,
            @RequestParam(required = false) UUID touchpoint,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        TextSentiment.Label chosen = RequestValues.requiredChoice("label", label, TextSentiment.Label.class, "loop.invalid.sentiment");
        TextSentiments reader = sentiments.getIfAvailable();
        if (reader == null || !reader.correct(TagSubject.answer(response), chosen, pages.me().username())) {
            throw new NotFoundException("loop.thing.sentiment", response);
        }
        return answer(response, touchpoint, htmx, model, locale);
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
        model.addAttribute("feelings", TextSentiment.Label.values());
        model.addAttribute("readsSentiment", sentiments.getIfAvailable() != null);
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
        TextSentiments reader = sentiments.getIfAvailable();
        Map<TagSubject, TextSentiment> read = reader == null ? Map.of()
                : reader.of(byResponse.keySet().stream().map(TagSubject::answer).toList());
        Map<TouchpointId, String> names = new LinkedHashMap<>();
        all.forEach(t -> names.put(t.id(), t.name(locale)));
        List<AnswerRow> rows = new ArrayList<>();
        byResponse.forEach((response, texts) -> {
            Comment first = texts.get(0);
            rows.add(new AnswerRow(response, texts.stream().map(Comment::text).toList(),
                    first.touchpoint() == null ? null : names.get(first.touchpoint()), CaseView.time(first.at(), pages.zone(), locale),
                    first.person() == null, tags.getOrDefault(response, List.of()), read.get(TagSubject.answer(response))));
        });
        return rows;
    }
}
