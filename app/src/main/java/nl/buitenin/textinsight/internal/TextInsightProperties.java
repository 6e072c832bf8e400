package nl.buitenin.textinsight.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import nl.buitenin.insight.text.DemandClassifier;

/**
 * Text insight's settings; a value not given takes its default.
 *
 * @param repeatWindow within how long after a person's failure-demand contact a contact about the same matter counts
 *                     as a repeat ({@code BUITENIN_REPEAT_WINDOW}, default 14 days)
 */
@ConfigurationProperties("buitenin.textinsight")
public record TextInsightProperties(Duration repeatWindow) {

    public TextInsightProperties {
        if (repeatWindow == null) {
            repeatWindow = DemandClassifier.DEFAULT_WINDOW;
        }
        if (repeatWindow.isNegative()) {
            throw new IllegalArgumentException("buitenin.textinsight.repeat-window must not be negative: " + repeatWindow);
        }
    }

    /** The window in whole days, as pages tell it. */
    public long repeatWindowDays() {
        return repeatWindow().toDays();
    }
}
