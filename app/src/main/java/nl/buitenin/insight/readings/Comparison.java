package nl.buitenin.insight.readings;

import nl.buitenin.insight.Estimate;

/** Two groups' scores, each with n and its own 95 % interval, and their difference (first minus second). */
public record Comparison(Estimate first, Estimate second, Difference difference) {
}
