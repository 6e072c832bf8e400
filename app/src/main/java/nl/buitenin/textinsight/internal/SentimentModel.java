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

    public SentimentLabel label(String text, TextAnalysis analysis) {
        return analysis.sentiment().label();
    }
}
