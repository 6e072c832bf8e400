package nl.buitenin.platform;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.StartPanel.Text;

/**
 * One figure of a {@link StartPanel}: a label, a value with how many it rests on (n) and, for an estimate, its 95 %
 * interval, or instead of a value a sentence why there is none (too few answers, hidden under the small-cell rule).
 * Every figure links to the page that explains it. The home page renders every figure with one fragment, numbers
 * formatted in the reader's language.
 *
 * @param label  what the figure is, in words
 * @param format how the value reads
 * @param value  the value; null when there is none (then {@code note} says why)
 * @param n      how many people, answers or items the value rests on; null when that is the value itself
 * @param lower  lower bound of the 95 % interval; null for a count
 * @param upper  upper bound of the 95 % interval; null for a count
 * @param note   a sentence under the value (what it counts, or why there is no value)
 * @param trend  values of earlier periods, oldest first, for a sparkline; NaN for a period without a value
 * @param against values to hold the trend against (a forecast), per period like the trend, drawn dashed on the same
 *               scale; empty for none
 * @param link   the detail page
 */
public record StartFigure(Text label, Format format, @Nullable Double value, @Nullable Long n, @Nullable Double lower,
        @Nullable Double upper, @Nullable Text note, List<Double> trend, List<Double> against, String link) {

    /** How a value reads: a count, a share in percent (0–100), NPS points (−100–100) or a mean on an answer scale. */
    public enum Format {
        COUNT, PERCENT, POINTS, MEAN
    }

    public StartFigure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(format, "format");
        trend = List.copyOf(trend);
        against = List.copyOf(against);
        if (link == null || !link.startsWith("/")) {
            throw new IllegalArgumentException("a figure links to a page of this site: " + link);
        }
        if (value == null && note == null) {
            throw new IllegalArgumentException("a figure without a value says why: " + label.key());
        }
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException("an interval has both bounds: " + label.key());
        }
    }

    /** A count of things, such as open cases. */
    public static StartFigure count(Text label, long count, String link) {
        return new StartFigure(label, Format.COUNT, (double) count, null, null, null, null, List.of(), List.of(), link);
    }

    /** An estimate with its n and 95 % interval. */
    public static StartFigure estimate(Text label, Format format, long n, double value, double lower, double upper, String link) {
        return new StartFigure(label, format, value, n, lower, upper, null, List.of(), List.of(), link);
    }

    /** No value, with a sentence why (too few answers, hidden under the small-cell rule, nothing yet). */
    public static StartFigure without(Text label, Text why, String link) {
        return new StartFigure(label, Format.COUNT, null, null, null, null, why, List.of(), List.of(), link);
    }

    public StartFigure withNote(Text sentence) {
        return new StartFigure(label, format, value, n, lower, upper, sentence, trend, against, link);
    }

    public StartFigure withTrend(List<Double> values) {
        return new StartFigure(label, format, value, n, lower, upper, note, values, against, link);
    }

    /** The trend with the values it is held against (a forecast), both drawn on one scale. */
    public StartFigure withTrend(List<Double> values, List<Double> reference) {
        return new StartFigure(label, format, value, n, lower, upper, note, values, reference, link);
    }

    public boolean hasInterval() {
        return lower != null;
    }

    /**
     * The sparkline as SVG polyline points in a 100 × 24 box (higher values higher up), scaled to the range of the trend
     * and the values it is held against; empty when fewer than two periods have a value.
     */
    public String trendPoints() {
        return points(trend);
    }

    /** The values the trend is held against, as polyline points on the trend's scale; empty for none. */
    public String againstPoints() {
        return points(against);
    }

    private String points(List<Double> line) {
        List<Double> known = java.util.stream.Stream.concat(trend.stream(), against.stream()).filter(v -> !v.isNaN()).toList();
        if (line.stream().filter(v -> !v.isNaN()).count() < 2) {
            return "";
        }
        double min = known.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = known.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double span = max - min == 0 ? 1 : max - min;
        double step = 100.0 / (line.size() - 1);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < line.size(); i++) {
            double v = line.get(i);
            if (Double.isNaN(v)) {
                continue;
            }
            double y = 22 - 20 * (v - min) / span;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * step, y));
        }
        return points.toString().trim();
    }
}
