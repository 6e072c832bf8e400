package nl.buitenin.organisation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.buitenin.platform.StartFigure;
import nl.buitenin.platform.StartPanel.Text;

/** Every start figure's numbers are written in the reader's language, with the decimals of its format. */
class FigureViewTest {

    static final Locale NL = Locale.forLanguageTag("nl");

    @Test
    void numbersFollowTheReadersLanguage() {
        StartFigure count = StartFigure.count(Text.of("home.title"), 12345, "/x");
        assertThat(FigureView.of(count, NL).value()).isEqualTo("12.345");
        assertThat(FigureView.of(count, Locale.ENGLISH).value()).isEqualTo("12,345");

        StartFigure mean = StartFigure.estimate(Text.of("home.title"), StartFigure.Format.MEAN, 1234, 5.25, 4.04, 6.46, "/x");
        FigureView nl = FigureView.of(mean, NL);
        assertThat(nl.value()).isEqualTo("5,3");
        assertThat(nl.lower()).isEqualTo("4,0");
        assertThat(nl.upper()).isEqualTo("6,5");
        assertThat(nl.n()).isEqualTo("1.234");
        assertThat(FigureView.of(mean, Locale.ENGLISH).value()).isEqualTo("5.3");
    }

    @Test
    void pointsAndPercentHaveNoDecimalsAndNoMinusZero() {
        StartFigure nps = StartFigure.estimate(Text.of("home.title"), StartFigure.Format.POINTS, 40, -0.4, -20.6, 19.8, "/x");
        FigureView view = FigureView.of(nps, NL);
        assertThat(view.value()).isEqualTo("0");
        assertThat(view.lower()).isEqualTo("-21");
        assertThat(view.percent()).isFalse();
        StartFigure share = StartFigure.estimate(Text.of("home.title"), StartFigure.Format.PERCENT, 21, 71.4, 50.0, 86.2, "/x");
        assertThat(FigureView.of(share, NL).value()).isEqualTo("71");
        assertThat(FigureView.of(share, NL).percent()).isTrue();
    }
}
