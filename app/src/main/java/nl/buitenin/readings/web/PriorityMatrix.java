package nl.buitenin.readings.web;

import java.util.ArrayList;
import java.util.List;

import nl.buitenin.readings.internal.DriverReport;

/**
 * The priority matrix as coordinates for an inline SVG: x is current performance (the mean as a share of its scale),
 * y is importance (share of explained variance), each point with its 95 % intervals as whiskers. Computed here rather
 * than in a script, so the page needs none and a screen reader gets the same figures from the table.
 */
record PriorityMatrix(int width, int height, double left, double right, double top, double bottom, double splitX, double splitY,
        List<Tick> xTicks, List<Tick> yTicks, List<Point> points) {

    static final int WIDTH = 640;
    static final int HEIGHT = 440;
    private static final double LEFT = 64;
    private static final double RIGHT = WIDTH - 30;
    private static final double TOP = 36;
    private static final double BOTTOM = HEIGHT - 56;

    /** An axis tick: where it lies and its label. */
    record Tick(double at, String label) {
    }

    /**
     * One driver: its number (as in the table), the point, the whiskers' ends, and its quadrant's fill; {@code labelX}
     * places the number beside the point, on the side with room.
     */
    record Point(int number, String question, double x, double y, double xLow, double xHigh, double yLow, double yHigh, String fill,
            double labelX, String anchor) {
    }

    static PriorityMatrix of(List<DriverReport.Driver> drivers, List<String> questions) {
        double xMin = drivers.stream().mapToDouble(DriverReport.Driver::performanceShareLow).min().orElse(0);
        double xMax = drivers.stream().mapToDouble(DriverReport.Driver::performanceShareHigh).max().orElse(100);
        // Whole tens around the points: the matrix is about differences between the drivers, not distance from 0.
        double from = Math.max(0, Math.floor((xMin - 5) / 10) * 10);
        double to = Math.min(100, Math.ceil((xMax + 5) / 10) * 10);
        if (to - from < 20) {
            to = Math.min(100, from + 20);
            from = Math.max(0, to - 20);
        }
        double yMax = Math.min(1, Math.ceil((drivers.stream().mapToDouble(DriverReport.Driver::importanceHigh).max().orElse(1) + 0.02) * 10) / 10);
        double averageShare = drivers.stream().mapToDouble(DriverReport.Driver::performanceShare).average().orElse(50);
        double equal = 1.0 / Math.max(1, drivers.size());
        double lo = from;
        double hi = to;
        java.util.function.DoubleUnaryOperator x = v -> LEFT + (v - lo) / (hi - lo) * (RIGHT - LEFT);
        java.util.function.DoubleUnaryOperator y = v -> BOTTOM - v / yMax * (BOTTOM - TOP);
        List<Tick> xTicks = new ArrayList<>();
        for (double v = from; v <= to + 1e-9; v += 10) {
            xTicks.add(new Tick(x.applyAsDouble(v), String.format("%.0f %%", v)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (double v = 0; v <= yMax + 1e-9; v += 0.1) {
            yTicks.add(new Tick(y.applyAsDouble(v), String.format("%.0f %%", v * 100)));
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < drivers.size(); i++) {
            DriverReport.Driver d = drivers.get(i);
            double px = x.applyAsDouble(d.performanceShare());
            boolean roomRight = px < RIGHT - 40;
            points.add(new Point(i + 1, questions.get(i), round(px), round(y.applyAsDouble(d.importance())),
                    round(x.applyAsDouble(d.performanceShareLow())), round(x.applyAsDouble(d.performanceShareHigh())),
                    round(y.applyAsDouble(d.importanceLow())), round(y.applyAsDouble(d.importanceHigh())), fill(d.quadrant()),
                    round(roomRight ? px + 10 : px - 10), roomRight ? "start" : "end"));
        }
        return new PriorityMatrix(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, round(x.applyAsDouble(averageShare)),
                round(y.applyAsDouble(equal)), xTicks, yTicks, points);
    }

    /** Colour repeats what the position and the table's advice say; it is never the only signal. */
    private static String fill(DriverReport.Quadrant quadrant) {
        return switch (quadrant) {
            case FIX_FIRST -> "#b3261e";
            case KEEP_UP -> "#1b6e3a";
            case LATER -> "#8a6d00";
            case NO_MORE -> "#4a5a70";
        };
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
