package nl.buitenin.textinsight.internal;

import org.springframework.stereotype.Component;

import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.insight.text.TextAnalysis;

/**
 * The label the server gives a text. The lexicon's label, unless a model learnt from corrections measurably does
 * better (see docs/insight.md, "Corrections").
 */
@Component
public class SentimentModel {

    /** Whether the server labels with a model fitted on corrections; set from the held-out figures (CorrectionModelQualityTest). */
    public static final boolean USES_CORRECTIONS = false;

    public SentimentLabel label(String text, TextAnalysis analysis) {
        return analysis.sentiment().label();
    }
}
