package nl.buitenin.readings.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import nl.buitenin.listening.ScoredSurvey;

/**
 * Which questions move a survey's overall score in a period: per driver question its share of the explained variance
 * (LMG) with the bootstrap 95 % interval and its current performance, or the reason why the reading is not shown.
 *
 * @param outcome   the overall question; null when the survey has none
 * @param responses responses in the period that answered the overall question
 * @param complete  of which answered every driver question too (the rows the model uses)
 * @param rSquared  the share of the overall score's variance the drivers explain together; null when not shown
 * @param withheld  why the reading is not shown; null when it is
 * @param drivers   most important first; empty when withheld
 */
public record DriverReport(ScoredSurvey survey, ScoredSurvey.@Nullable Question outcome, LocalDate from, LocalDate to, int responses,
        int complete, @Nullable Double rSquared, @Nullable Withheld withheld, List<Driver> drivers) {

    public DriverReport {
        drivers = List.copyOf(drivers);
    }

    public boolean shown() {
        return withheld == null;
    }

    /** Why a reading is not shown, with the figures its text names. */
    public enum Reason {
        /** The survey has no NPS or CSAT question, and none was chosen. */
        NO_OUTCOME,
        /** The survey has no other scale question to explain the overall one with. */
        NO_DRIVERS,
        /** More driver questions than the decomposition averages over in reasonable time. */
        TOO_MANY_DRIVERS,
        /** Fewer complete responses than the minimum (30, and 10 per driver). */
        TOO_FEW,
        /** A question got the same score from everybody in the period: it explains nothing. */
        NO_SPREAD
    }

    /** @param needed the minimum of complete responses (TOO_FEW) or the most drivers (TOO_MANY_DRIVERS) */
    public record Withheld(Reason reason, int needed, @Nullable String questionNl, @Nullable String questionEn) {
    }

    /**
     * One driver question.
     *
     * @param importance       its share of the explained variance, 0 to 1; the shares add up to 1
     * @param performance      the mean score with its 95 % t interval, on the question's own scale
     * @param performanceShare the mean as a share of the scale, 0 (lowest score) to 100 (highest)
     * @param quadrant         where it lies in the priority matrix
     */
    public record Driver(ScoredSurvey.Question question, double importance, double importanceLow, double importanceHigh,
            double performance, double performanceLow, double performanceHigh, int scaleMin, int scaleMax, double performanceShare,
            double performanceShareLow, double performanceShareHigh, Quadrant quadrant) {
    }

    /**
     * The priority matrix's four parts, split at the equal share of importance (1 / number of drivers) and at the
     * drivers' average performance (as a share of their scales).
     */
    public enum Quadrant {
        /** Important and weaker than the rest. */
        FIX_FIRST,
        /** Important and stronger than the rest. */
        KEEP_UP,
        /** Less important and weaker. */
        LATER,
        /** Less important and stronger. */
        NO_MORE
    }
}
