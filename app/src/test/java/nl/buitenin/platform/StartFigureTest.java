package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.platform.StartPanel.Text;

/** A start figure keeps its promises: a link, a reason where there is no value, and sparklines drawn to one scale. */
class StartFigureTest {

    static final Text LABEL = Text.of("home.title");

    @Test
    void aFigureWithoutAValueSaysWhyAndEveryFigureLinksInsideTheSite() {
        assertThatThrownBy(() -> new StartFigure(LABEL, StartFigure.Format.COUNT, null, null, null, null, null, List.of(), List.of(), "/x"))
                .hasMessageContaining("says why");
        assertThatThrownBy(() -> StartFigure.count(LABEL, 3, "https://elsewhere.example")).hasMessageContaining("links to a page");
        assertThatThrownBy(() -> new StartFigure(LABEL, StartFigure.Format.PERCENT, 50.0, 10L, 40.0, null, null, List.of(), List.of(), "/x"))
                .hasMessageContaining("both bounds");
        assertThat(StartFigure.without(LABEL, Text.of("home.panel.empty"), "/x").value()).isNull();
    }

    @Test
    void theSparklineSpansTheBoxAndSkipsPeriodsWithoutAValue() {
        StartFigure figure = StartFigure.count(LABEL, 3, "/x").withTrend(List.of(0.0, Double.NaN, 10.0, 5.0));
        // x: 0, 33.3, 66.7, 100; y: 22 at the lowest value, 2 at the highest, the NaN period left out.
        assertThat(figure.trendPoints()).isEqualTo("0.0,22.0 66.7,2.0 100.0,12.0");
        assertThat(StartFigure.count(LABEL, 3, "/x").withTrend(List.of(4.0, Double.NaN)).trendPoints()).isEmpty();
    }

    @Test
    void countsAndForecastShareOneScale() {
        StartFigure figure = StartFigure.count(LABEL, 3, "/x").withTrend(List.of(0.0, 10.0), List.of(10.0, 20.0));
        assertThat(figure.trendPoints()).isEqualTo("0.0,22.0 100.0,12.0");
        assertThat(figure.againstPoints()).isEqualTo("0.0,12.0 100.0,2.0");
    }
}
