package nl.buitenin.listening.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CommentSentiments;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.JdbcResponses.Comment;
import nl.buitenin.organisation.Organisations;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;

/**
 * The latest comments at a touchpoint in the journey map's period (and language, when one is chosen), as a fragment
 * the map loads. Free text is personal data: each comment of a known person is read under the purpose "service
 * improvement" and the read is logged; a comment the purpose does not allow (past retention, no consent) is not shown.
 * Each comment says the sentiment read in it, when a module reads texts ({@link CommentSentiments}).
 */
@PageController
@Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
class TouchpointCommentsController {

    static final int SHOWN = 5;
    /** The map's default period, used when the fragment is asked for without one. */
    static final int DEFAULT_WEEKS = 12;
    private static final Set<String> LANGUAGES = Set.of("nl", "en");

    private final JdbcResponses responses;
    private final PurposeGuard purposes;
    private final Organisations organisations;
    private final ObjectProvider<CommentSentiments> sentiments;

    TouchpointCommentsController(JdbcResponses responses, PurposeGuard purposes, Organisations organisations,
            ObjectProvider<CommentSentiments> sentiments) {
        this.sentiments = sentiments;
        this.responses = responses;
        this.purposes = purposes;
        this.organisations = organisations;
    }

    @GetMapping("/listening/touchpoints/{id}/comments")
    String comments(@PathVariable UUID id, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String language,
            Model model) {
        ZoneId zone = organisations.current().timeZone();
        LocalDate last = RequestValues.date("to", to, "listening.invalid.commentsDate");
        last = last == null ? LocalDate.now(zone) : last;
        LocalDate first = RequestValues.date("from", from, "listening.invalid.commentsDate");
        first = first == null ? last.minusWeeks(DEFAULT_WEEKS).plusDays(1) : first;
        String chosen = RequestValues.blank(language) ? null : language.strip().toLowerCase(java.util.Locale.ROOT);
        if (chosen != null && !LANGUAGES.contains(chosen)) {
            throw InvalidInputException.of("language", "listening.invalid.commentsLanguage", language);
        }
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<Comment> shown = new ArrayList<>();
        int withheld = 0;
        for (Comment comment : responses.latestComments(new TouchpointId(id), start, end, chosen, SHOWN * 3)) {
            if (shown.size() == SHOWN) {
                break;
            }
            if (comment.person() == null) {
                shown.add(comment);
                continue;
            }
            try {
                purposes.check(PurposeId.SERVICE_IMPROVEMENT, comment.person(), "comment at touchpoint " + id, comment.at());
                shown.add(comment);
            } catch (PurposeRefusedException e) {
                withheld++;
            }
        }
        model.addAttribute("comments", shown);
        CommentSentiments reader = sentiments.getIfAvailable();
        model.addAttribute("sentiments", reader == null ? Map.of() : reader.ofAnswers(shown.stream().map(Comment::response).distinct().toList()));
        model.addAttribute("withheld", withheld);
        return "listening/comments :: comments";
    }
}
