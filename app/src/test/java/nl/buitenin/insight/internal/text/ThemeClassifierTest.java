package nl.buitenin.insight.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ThemeClassifierTest {

    private static final ThemeClassifier CLASSIFIER = ThemeClassifier.train(List.of(
            List.of(sample(true, "koffer", "hotel"), sample(true, "bagag", "tijd"), sample(false, "gids", "streek"),
                    sample(false, "wacht", "telefoon"), sample(false, "gids", "vriendelijk")),
            List.of(sample(false, "koffer", "hotel"), sample(false, "bagag", "tijd"), sample(true, "gids", "streek"),
                    sample(false, "wacht", "telefoon"), sample(true, "gids", "vriendelijk")),
            List.of(sample(true, "koffer"))));

    private static ThemeClassifier.Sample sample(boolean positive, String... terms) {
        return new ThemeClassifier.Sample(Set.of(terms), positive);
    }

    @Test
    void theOnePassScoreEqualsLiblinearsOwnProbability() {
        for (Set<String> terms : List.of(Set.of("koffer"), Set.of("gids", "hotel", "onbekend"),
                Set.of("wacht", "telefoon", "tijd"), Set.of("bagag", "koffer", "gids", "streek"))) {
            double[] fast = CLASSIFIER.confidences(terms);
            double[] library = CLASSIFIER.libraryConfidences(terms);
            for (int t = 0; t < fast.length; t++) {
                assertThat(fast[t]).as("%s theme %d", terms, t).isCloseTo(library[t], within(1e-9));
            }
        }
    }

    @Test
    void itLearnsTheTermsOfEachTheme() {
        double[] luggage = CLASSIFIER.confidences(Set.of("koffer"));
        assertThat(luggage[0]).isGreaterThan(0.5).isGreaterThan(luggage[1]);
        double[] guide = CLASSIFIER.confidences(Set.of("gids"));
        assertThat(guide[1]).isGreaterThan(0.5).isGreaterThan(guide[0]);
    }

    @Test
    void aThemeWithoutNegativesAndATextWithoutKnownTermsGetZero() {
        assertThat(CLASSIFIER.confidences(Set.of("koffer"))[2]).isZero();
        assertThat(CLASSIFIER.confidences(Set.of("weer", "uitzicht"))).containsOnly(0.0);
        assertThat(CLASSIFIER.confidences(Set.of())).containsOnly(0.0);
    }
}
