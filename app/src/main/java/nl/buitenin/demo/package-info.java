/**
 * The demo organisation, Buitenpad Wandelreizen: a walking-holiday organiser with bookings on the web,
 * by phone, in its shop and through social media. Each capability adds a {@link nl.buitenin.demo.DemoStep}
 * that fills its own part from a seeded random generator, so the same seed gives the same organisation.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {
        "platform",
        "access",
        "organisation" })
@NullMarked
package nl.buitenin.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
