package nl.buitenin.insight.readings;

import nl.buitenin.insight.Histogram;
import nl.buitenin.insight.ScoreScale;

/** Promoters (9–10), passives (7–8) and detractors (0–6) of a group of 0–10 answers. */
public record NpsCounts(long promoters, long passives, long detractors) {

    public NpsCounts {
        if (promoters < 0 || passives < 0 || detractors < 0 || promoters + passives + detractors < 1) {
            throw new IllegalArgumentException("an NPS needs counts of 0 or more and at least one answer, got "
                    + promoters + ", " + passives + ", " + detractors);
        }
    }

    public static NpsCounts of(Histogram histogram) {
        if (histogram.scale() != ScoreScale.NPS) {
            throw new IllegalArgumentException("NPS counts come from a 0-10 histogram, not " + histogram.scale());
        }
        long detractors = 0;
        for (int value = 0; value <= 6; value++) {
            detractors += histogram.count(value);
        }
        return new NpsCounts(histogram.count(9) + histogram.count(10), histogram.count(7) + histogram.count(8), detractors);
    }

    public long n() {
        return promoters + passives + detractors;
    }

    public double promoterShare() {
        return (double) promoters / n();
    }

    public double detractorShare() {
        return (double) detractors / n();
    }

    /** Promoter minus detractor share after Rocks' adjustment (3/4 added to each, 3 to n). */
    double adjustedNet() {
        double adjustedN = n() + 3.0;
        return (promoters + 0.75) / adjustedN - (detractors + 0.75) / adjustedN;
    }

    /** The variance of the adjusted net share: (p + d - (p - d)^2) / (n + 3). */
    double adjustedVariance() {
        double adjustedN = n() + 3.0;
        double p = (promoters + 0.75) / adjustedN;
        double d = (detractors + 0.75) / adjustedN;
        return (p + d - (p - d) * (p - d)) / adjustedN;
    }
}
