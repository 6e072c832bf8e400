/**
 * Honest readings (C7.4–C7.6, C1.2): the organisation's own scores read honestly, on the server. Score gaming per
 * staff member and team, scores calibrated for respondents' own use of the scale, key drivers with a priority
 * matrix, and pilots on part of a journey with their minimum detectable effect before and their result after. The
 * statistics are insight's ({@code insight.readings}); this module reads the responses ({@code
 * listening.ScoredResponses}), keeps what is defined here (pilots) and shows it.
 */
@ApplicationModule(displayName = "Honest readings", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "privacy",
        "journey",
        "listening",
        "loop",
        "insight",
        "insight::readings" })
@NullMarked
package nl.buitenin.readings;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
