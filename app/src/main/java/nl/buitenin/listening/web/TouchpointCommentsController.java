package nl.buitenin.listening.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.CommentSentiments;
import nl.buitenin.listening.internal.answers.JdbcResponses;
import nl.buitenin.listening.internal.answers.JdbcResponses.Comment;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;

/**
 * The latest comments at a touchpoint, as a fragment the journey map loads. Free text is personal data:
 * each comment of a known person is read under the purpose "service improvement" and the read is
 * logged; a comment the purpose does not allow (past retention, no consent) is not shown. Each comment says the
 * sentiment read in it, when a module reads texts ({@link CommentSentiments}).
 */
@Controller
@Allow({Role.ADMIN, Role.ANALYST, Role.AGENT})
class TouchpointCommentsController {

    static final int SHOWN = 5;

    private final JdbcResponses responses;
    private final PurposeGuard purposes;
    private final ObjectProvider<CommentSentiments> sentiments;

    TouchpointCommentsController(JdbcResponses responses, PurposeGuard purposes, ObjectProvider<CommentSentiments> sentiments) {
        this.sentiments = sentiments;
        this.responses = responses;
        this.purposes = purposes;
    }

    @GetMapping("/listening/touchpoints/{id}/comments")
    String comments(@PathVariable UUID id, Model model) {
        List<Comment> shown = new ArrayList<>();
        int withheld = 0;
        for (Comment comment : responses.latestComments(new TouchpointId(id), SHOWN * 3)) {
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
