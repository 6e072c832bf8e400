package nl.buitenin.textinsight.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SentenceSentiment;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.insight.text.TextAnalyzer;
import nl.buitenin.listening.Comments;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.Cases;
import nl.buitenin.textinsight.TextSource;

/**
 * A stored analysis as it is shown: its label (the analyst's when corrected) and the sentences of the text with
 * their sentiment, computed again from the source's text, read under "service improvement". When the purpose
 * refuses the text (or the source lost it), the analysis is shown without sentences.
 */
@Service
public class TextViews {

    /** One sentence of the text and its sentiment. */
    public record SentenceView(String text, double sentiment, SentimentLabel label) {
    }

    /** What the analysis found in a text. */
    public record View(TextSource source, String ref, Language language, double sentiment, SentimentLabel label,
            SentimentLabel analysedLabel, @Nullable String correctedBy, @Nullable Instant correctedAt, boolean textWithheld,
            List<SentenceView> sentences) {
    }

    private final Analyses analyses;
    private final Comments comments;
    private final Cases cases;
    private final Notes notes;
    private final TextReading reading;

    TextViews(Analyses analyses, Comments comments, Cases cases, Notes notes, TextReading reading) {
        this.analyses = analyses;
        this.comments = comments;
        this.cases = cases;
        this.notes = notes;
        this.reading = reading;
    }

    public Optional<View> view(TextSource source, UUID id) {
        return analyses.find(source, id.toString()).map(stored -> {
            AnalysedText text = stored.text();
            Optional<String> written = reading.mayRead(text.person(), "sentences of a " + source.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' '), text.writtenAt()) ? text(source, id) : Optional.empty();
            List<SentenceView> sentences = new ArrayList<>();
            written.ifPresent(t -> {
                for (SentenceSentiment sentence : TextAnalyzer.standard().analyze(t, text.language()).sentences()) {
                    sentences.add(new SentenceView(t.substring(sentence.start(), sentence.end()), sentence.sentiment().score(),
                            sentence.sentiment().label()));
                }
            });
            return new View(source, text.ref(), text.language(), text.sentiment(), stored.label(), text.label(), stored.correctedBy(),
                    stored.correctedAt(), written.isEmpty(), sentences);
        });
    }

    /** The text as its source holds it now (scrubbed on erasure, gone past retention); read the purpose first. */
    Optional<String> text(TextSource source, UUID id) {
        return switch (source) {
            case COMMENT -> Optional.of(ResponseText.of(comments.of(id))).filter(t -> !t.isBlank());
            case CASE -> cases.summary(new CaseId(id));
            case NOTE -> notes.byId(id).map(Notes.Note::text);
            case CONTACT_REASON -> Optional.empty();
        };
    }
}
