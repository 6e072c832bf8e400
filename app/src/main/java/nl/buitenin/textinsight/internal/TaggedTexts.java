package nl.buitenin.textinsight.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.buitenin.listening.Comments;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.Cases;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.textinsight.TextSource;

/**
 * What analysts said about the themes of texts, with the texts, for training the theme model: a theme tagged by hand
 * or a suggestion confirmed is accepted, a rejected one is not; unreviewed suggestions say nothing. Only texts that
 * were analysed count (a case opened for an answer holds scores, not words; its answer's comment is analysed), and a
 * known person's text is read only when the purpose "service improvement" allows it (logged as a read). The texts are
 * held in memory for one training and never stored.
 */
@Component
class TaggedTexts {

    /** One verdict on one theme of one text. */
    record Verdict(String text, ThemeId theme, boolean accepted) {
    }

    /** The verdicts, and how many tagged texts could not be read (refused by the purpose, or gone). */
    record Read(List<Verdict> verdicts, int texts, int unread) {
    }

    /** Tags read per page (the most a page holds), and analyses looked up per query. */
    private static final int PAGE = 500;

    private final ThemeTagging tagging;
    private final Analyses analyses;
    private final Comments comments;
    private final Cases cases;
    private final Notes notes;
    private final PurposeReads reads;

    TaggedTexts(ThemeTagging tagging, Analyses analyses, Comments comments, Cases cases, Notes notes, PurposeReads reads) {
        this.tagging = tagging;
        this.analyses = analyses;
        this.comments = comments;
        this.cases = cases;
        this.notes = notes;
        this.reads = reads;
    }

    Read read() {
        Map<TagSubject, Map<ThemeId, Boolean>> verdicts = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            PageResult<ThemeTag> tags = tagging.allTags(PageRequest.of(page, PAGE));
            for (ThemeTag tag : tags.items()) {
                if (tag.state() != ThemeTag.State.SUGGESTED) {
                    verdicts.computeIfAbsent(tag.subject(), s -> new LinkedHashMap<>()).put(tag.theme(), tag.state() == ThemeTag.State.CONFIRMED);
                }
            }
            if (tags.items().size() < PAGE) {
                break;
            }
        }
        Map<TextSource, List<String>> refs = new LinkedHashMap<>();
        verdicts.keySet().forEach(subject -> refs.computeIfAbsent(source(subject.kind()), k -> new ArrayList<>()).add(subject.id().toString()));
        Map<TextSource, Map<String, StoredAnalysis>> analysed = new LinkedHashMap<>();
        refs.forEach((source, ids) -> {
            Map<String, StoredAnalysis> found = new LinkedHashMap<>();
            for (int from = 0; from < ids.size(); from += PAGE) {
                found.putAll(analyses.findAll(source, ids.subList(from, Math.min(ids.size(), from + PAGE))));
            }
            analysed.put(source, found);
        });
        List<Verdict> read = new ArrayList<>();
        int unread = 0;
        for (Map.Entry<TagSubject, Map<ThemeId, Boolean>> entry : verdicts.entrySet()) {
            TextSource source = source(entry.getKey().kind());
            StoredAnalysis analysis = analysed.get(source).get(entry.getKey().id().toString());
            if (analysis == null) {
                continue;
            }
            String what = "learning themes from a " + source.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            Optional<String> text = reads.mayRead(analysis.text().person(), what, analysis.text().writtenAt())
                    ? text(entry.getKey()) : Optional.empty();
            // a note past its retention keeps a placeholder instead of its text: nothing to learn from
            if (text.isEmpty() || text.get().isBlank() || text.get().equals(TextInsightRetention.EXPIRED)) {
                unread++;
                continue;
            }
            entry.getValue().forEach((theme, accepted) -> read.add(new Verdict(text.get(), theme, accepted)));
        }
        return new Read(read, verdicts.size(), unread);
    }

    private Optional<String> text(TagSubject subject) {
        return switch (subject.kind()) {
            case ANSWER -> Optional.of(ResponseText.of(comments.of(subject.id())));
            case CASE -> cases.summary(new CaseId(subject.id()));
            case NOTE -> notes.byId(subject.id()).map(Notes.Note::text);
        };
    }

    static TextSource source(TagSubject.Kind kind) {
        return switch (kind) {
            case ANSWER -> TextSource.COMMENT;
            case CASE -> TextSource.CASE;
            case NOTE -> TextSource.NOTE;
        };
    }

}
