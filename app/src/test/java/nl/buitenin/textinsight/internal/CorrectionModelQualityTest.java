package nl.buitenin.textinsight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.buitenin.insight.internal.text.SentimentEvaluation;
import nl.buitenin.insight.text.Language;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.insight.text.TextAnalysis;
import nl.buitenin.insight.text.TextAnalyzer;

/**
 * Do corrections help? The dev part of the labelled development sets stands in for analysts' corrections: the
 * correction model is fitted on it alone, and it and the lexicon are measured on the held-out test part only (three
 * classes; gold = the label both passes gave). Prints the table in docs/insight.md ("Corrections") and checks that
 * the server's choice per language ({@link SentimentModel#CORRECTIONS_HELP}) follows the figures: the model is used
 * for a language only when it beats the lexicon on the held-out part of that language on both accuracy and macro-F1.
 */
class CorrectionModelQualityTest {

    static final Path DEVSETS = Path.of("src/test/resources/nl/buitenin/insight/devsets");

    record Score(int n, double accuracy, double macroF1) {
    }

    @Test
    void theServerUsesCorrectionsOnlyInTheLanguagesWhereTheyHelpOnTheHeldOutPart() {
        SentimentEvaluation sets = SentimentEvaluation.read(DEVSETS);
        TextAnalyzer analyzer = TextAnalyzer.standard();
        List<CorrectionModel.Example> corrections = sets.items().stream().filter(i -> !i.test() && i.a() == i.b())
                .map(i -> new CorrectionModel.Example(i.text(), i.language(), i.a())).toList();
        CorrectionModel model = CorrectionModel.fit(corrections, analyzer);

        Map<Language, Score[]> table = new EnumMap<>(Language.class);
        Set<Language> helps = EnumSet.noneOf(Language.class);
        StringBuilder printed = new StringBuilder("| held-out | n | lexicon accuracy | lexicon macro-F1 | with corrections accuracy | "
                + "with corrections macro-F1 |\n|---|---:|---:|---:|---:|---:|\n");
        for (Language language : Language.values()) {
            List<SentimentEvaluation.Item> heldOut = sets.items().stream().filter(i -> i.test() && i.a() == i.b() && i.language() == language)
                    .toList();
            int[][] lexicon = new int[3][3];
            int[][] corrected = new int[3][3];
            for (SentimentEvaluation.Item item : heldOut) {
                TextAnalysis analysis = analyzer.analyze(item.text(), language);
                lexicon[item.a().ordinal()][analysis.sentiment().label().ordinal()]++;
                corrected[item.a().ordinal()][model.label(item.text(), analysis).orElseThrow().ordinal()]++;
            }
            Score lex = score(lexicon);
            Score cor = score(corrected);
            table.put(language, new Score[] {lex, cor});
            if (cor.accuracy() > lex.accuracy() && cor.macroF1() > lex.macroF1()) {
                helps.add(language);
            }
            printed.append(String.format(Locale.ROOT, "| %s test | %d | %.1f %% | %.3f | %.1f %% | %.3f |%n", language.code(), lex.n(),
                    100 * lex.accuracy(), lex.macroF1(), 100 * cor.accuracy(), cor.macroF1()));
        }
        System.out.println(printed);

        assertThat(model.covers(Language.NL)).isTrue();
        assertThat(model.covers(Language.EN)).isTrue();
        assertThat(table.get(Language.NL)[0].n()).as("held-out Dutch texts both passes agree on").isGreaterThan(100);
        assertThat(table.get(Language.EN)[0].n()).isGreaterThan(50);
        assertThat(SentimentModel.CORRECTIONS_HELP).as("the languages where the server learns from corrections follow the held-out figures:\n"
                + printed).isEqualTo(helps);
    }

    /** Accuracy and the mean F1 of the three classes from a confusion matrix [gold][predicted]. */
    static Score score(int[][] confusion) {
        int n = 0;
        int right = 0;
        double f1 = 0;
        for (int c = 0; c < 3; c++) {
            int truePositive = confusion[c][c];
            int predicted = 0;
            int actual = 0;
            for (int o = 0; o < 3; o++) {
                predicted += confusion[o][c];
                actual += confusion[c][o];
                n += confusion[c][o];
            }
            right += truePositive;
            double precision = predicted == 0 ? 0 : (double) truePositive / predicted;
            double recall = actual == 0 ? 0 : (double) truePositive / actual;
            f1 += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new Score(n, (double) right / n, f1 / 3);
    }
}
