/**
 * Customer-focus signals (C9, seed 002): what the organisation notices outside and what it does with it. Missed
 * sales ("nee-verkopen") logged by front-line staff and tills; market signals, each linked to what was done with
 * it (an improvement action in loop, a decision not to act, or still open); early warnings computed from data the
 * product already holds; and George S. Day's self-assessment of the market-driven organisation.
 */
@ApplicationModule(displayName = "Customer-focus signals", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "privacy",
        "messaging",
        "journey",
        "listening",
        "loop",
        "insight",
        "insight :: readings",
        "textinsight" })
@NullMarked
package nl.buitenin.signals;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
