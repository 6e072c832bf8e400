package nl.buitenin.textinsight.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.TextSentiment;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.listening.CommentSentiments;
import nl.buitenin.loop.TextSentiments;
import nl.buitenin.textinsight.TextSource;

/**
 * Loop's pages (comments, case) show the stored sentiment and take an analyst's correction through loop's own
 * {@link TextSentiments}, listening's comments of a touchpoint through {@link CommentSentiments}: neither module may
 * depend on text insight, which depends on both. Labels and scores only, no text.
 */
@Component
class LoopSentiments implements TextSentiments, CommentSentiments {

    private final Analyses analyses;
    private final Clock clock;

    LoopSentiments(Analyses analyses, Clock clock) {
        this.analyses = analyses;
        this.clock = clock;
    }

    @Override
    public Map<TagSubject, TextSentiment> of(Collection<TagSubject> subjects) {
        Map<TagSubject, TextSentiment> found = new LinkedHashMap<>();
        for (TagSubject.Kind kind : TagSubject.Kind.values()) {
            List<String> refs = subjects.stream().filter(s -> s.kind() == kind).map(s -> s.id().toString()).distinct().toList();
            analyses.findAll(source(kind), refs).forEach((ref, stored) -> found.put(new TagSubject(kind, UUID.fromString(ref)),
                    new TextSentiment(label(stored.label()), clamp(stored.text().sentiment()), stored.corrected() != null)));
        }
        return found;
    }

    @Override
    public Map<UUID, TextSentiment> ofAnswers(Collection<UUID> responses) {
        Map<UUID, TextSentiment> found = new LinkedHashMap<>();
        of(responses.stream().map(TagSubject::answer).toList()).forEach((subject, sentiment) -> found.put(subject.id(), sentiment));
        return found;
    }

    @Override
    public boolean correct(TagSubject subject, TextSentiment.Label label, String by) {
        return analyses.correct(source(subject.kind()), subject.id().toString(), SentimentLabel.valueOf(label.name()), by, clock.instant());
    }

    @Override
    public List<UUID> answersLabelled(TextSentiment.Label label, @Nullable TouchpointId touchpoint, int limit) {
        List<UUID> responses = new ArrayList<>();
        for (String ref : analyses.labelled(TextSource.COMMENT, SentimentLabel.valueOf(label.name()), touchpoint, limit)) {
            responses.add(UUID.fromString(ref));
        }
        return responses;
    }

    private static TextSource source(TagSubject.Kind kind) {
        return switch (kind) {
            case ANSWER -> TextSource.COMMENT;
            case CASE -> TextSource.CASE;
            case NOTE -> TextSource.NOTE;
            case CONTACT_REASON -> TextSource.CONTACT_REASON;
        };
    }

    private static TextSentiment.Label label(SentimentLabel label) {
        return TextSentiment.Label.valueOf(label.name());
    }

    /** The analyzer's score is -1..1 by construction; a stored value a rounding past it must not break a page. */
    private static double clamp(double score) {
        return Math.max(-1, Math.min(1, score));
    }
}
