package nl.buitenin.insight.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.insight.ScoreScale;

/**
 * A weekly trend drawn as inline SVG: one polyline per run of weeks that have a score, a dot for a week on its own, a
 * gap for a week with too few answers. The vertical axis is the scale's own range (NPS -100..100, CSAT 0..100, means
 * from the lowest to the highest answer), so two cards compare at a glance and no axis leaves the scale.
 *
 * @param lines SVG {@code points} attributes, one per run of scored weeks
 * @param dots  the weeks whose neighbours have no score, as x and y
 * @param label the text alternative: every week with its score, or a dash for too few answers
 */
record Sparkline(List<String> lines, List<Dot> dots, String label) {

    static final int WIDTH = 160;
    static final int HEIGHT = 36;
    private static final double PAD = 3;

    record Dot(String x, String y) {
    }

    /** A week and its score, null when there is none to show. */
    record Week(LocalDate start, @Nullable Double score) {
    }

    static Sparkline of(ScoreScale scale, List<Week> weeks, String label) {
        double low = scale == ScoreScale.NPS ? -100 : scale == ScoreScale.CSAT ? 0 : scale.min();
        double high = scale == ScoreScale.NPS || scale == ScoreScale.CSAT ? 100 : scale.max();
        List<String> lines = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        List<String> run = new ArrayList<>();
        double step = weeks.size() > 1 ? (WIDTH - 2 * PAD) / (weeks.size() - 1) : 0;
        for (int i = 0; i <= weeks.size(); i++) {
            Double score = i < weeks.size() ? weeks.get(i).score() : null;
            if (score != null) {
                double x = weeks.size() > 1 ? PAD + i * step : WIDTH / 2.0;
                double clamped = Math.max(low, Math.min(high, score));
                double y = PAD + (high - clamped) / (high - low) * (HEIGHT - 2 * PAD);
                run.add(coordinate(x) + "," + coordinate(y));
                continue;
            }
            if (run.size() == 1) {
                String[] xy = run.get(0).split(",");
                dots.add(new Dot(xy[0], xy[1]));
            } else if (run.size() > 1) {
                lines.add(String.join(" ", run));
            }
            run = new ArrayList<>();
        }
        return new Sparkline(List.copyOf(lines), List.copyOf(dots), label);
    }

    public boolean empty() {
        return lines.isEmpty() && dots.isEmpty();
    }

    /** SVG coordinates with one decimal and a point, whatever the reader's locale. */
    private static String coordinate(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
