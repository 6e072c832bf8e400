/**
 * Assumptions put to the test (seed 003): what staff expect customers to say, written as a testable statement, tied by
 * an analyst to the data that would test it (a touchpoint's score, a theme's share of comments, a share on the journey
 * map, a survey question or a pilot) and judged with the 95 % interval: confirmed, refuted or not yet testable. Over
 * all assumptions, the share confirmed per department tells how well the organisation knows its customers.
 */
@ApplicationModule(displayName = "Assumptions put to the test", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "privacy",
        "journey",
        "listening",
        "insight",
        "readings" })
@NullMarked
package nl.buitenin.assumptions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
