package nl.buitenin.textinsight.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.textinsight.TextSource;

/**
 * What the analysis read in one text: no text, only its source, whose it was and the result.
 *
 * @param ref        the source's id (a response, case or note id)
 * @param person     whose text it is; null for an anonymous one or after erasure
 * @param touchpoint where it was said; null when unknown
 * @param writtenAt  when it was written or heard
 */
public record AnalysedText(TextSource source, String ref, @Nullable PersonKey person, @Nullable TouchpointId touchpoint,
        Instant writtenAt, Language language, double sentiment, SentimentLabel label) {
}
