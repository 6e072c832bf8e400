package nl.buitenin.textinsight.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.listening.Comment;
import nl.buitenin.listening.Comments;
import nl.buitenin.listening.CompletedResponse;
import nl.buitenin.listening.ResponsesCompleted;
import nl.buitenin.loop.CaseOpened;
import nl.buitenin.loop.Cases;
import nl.buitenin.textinsight.NoteRecorded;
import nl.buitenin.textinsight.TextSource;

/**
 * Analyses new texts after their own transaction committed, so an answer, a case or a note is stored whatever the
 * analysis does, and never waits for it. One event of completed responses (up to 500) is one batch. A source that
 * is analysed already is skipped before its text is read, so a replayed event reads and adds nothing.
 */
@Component
class AnalysisAfterCommit {

    private final Comments comments;
    private final Cases cases;
    private final Notes notes;
    private final Analyses analyses;
    private final TextReading reading;

    AnalysisAfterCommit(Comments comments, Cases cases, Notes notes, Analyses analyses, TextReading reading) {
        this.comments = comments;
        this.cases = cases;
        this.notes = notes;
        this.analyses = analyses;
        this.reading = reading;
    }

    @ApplicationModuleListener
    void on(ResponsesCompleted completed) {
        Set<String> done = analyses.analysed(TextSource.COMMENT,
                completed.responses().stream().map(r -> r.response().toString()).toList());
        List<CompletedResponse> fresh = completed.responses().stream().filter(r -> !done.contains(r.response().toString())).toList();
        // One read for the batch, in the months the responses were stored in; an event from before the key was carried
        // is read response by response.
        Map<UUID, List<Comment>> byResponse = new HashMap<>(
                comments.of(fresh.stream().map(CompletedResponse::key).filter(Objects::nonNull).toList()));
        fresh.stream().filter(r -> r.key() == null).forEach(r -> byResponse.put(r.response(), comments.of(r.response())));
        List<TextReading.Written> texts = new ArrayList<>();
        for (CompletedResponse response : fresh) {
            String ref = response.response().toString();
            List<Comment> written = byResponse.getOrDefault(response.response(), List.of());
            if (!written.isEmpty()) {
                texts.add(new TextReading.Written(TextSource.COMMENT, ref, response.person(), response.touchpoint(), response.at(),
                        ResponseText.of(written)));
            }
        }
        reading.analyse(texts);
    }

    @ApplicationModuleListener
    void on(CaseOpened opened) {
        // A case opened for an answer holds scores only: the answer's comment is analysed as a comment.
        if (opened.source().value().startsWith("answer:")) {
            return;
        }
        String ref = opened.caseId().toString();
        if (!analyses.analysed(TextSource.CASE, List.of(ref)).isEmpty()) {
            return;
        }
        cases.summary(opened.caseId()).ifPresent(text -> reading.analyse(List.of(
                new TextReading.Written(TextSource.CASE, ref, opened.person(), opened.touchpoint(), opened.at(), text))));
    }

    @ApplicationModuleListener
    void on(NoteRecorded recorded) {
        String ref = recorded.note().toString();
        if (!analyses.analysed(TextSource.NOTE, List.of(ref)).isEmpty()) {
            return;
        }
        notes.byId(recorded.note()).ifPresent(note -> reading.analyse(List.of(note.written())));
    }
}
