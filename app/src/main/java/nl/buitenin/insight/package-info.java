/**
 * Insight (C7): honest scores. Additive score histograms per touchpoint, day and question
 * ({@link nl.buitenin.insight.ScoreHistograms}), and plain-Java statistics that turn summed counts into an
 * {@link nl.buitenin.insight.Estimate} with n and a 95 % confidence interval: NPS with the adjusted-Wald
 * interval, shares with the Wilson interval, means with the t interval.
 */
@ApplicationModule(displayName = "Insight", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "privacy",
        "journey" })
@NullMarked
package nl.buitenin.insight;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
