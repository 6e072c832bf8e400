/**
 * Respectful contact (C3): may we ask this person for feedback about this touchpoint now? Sampling
 * per touchpoint, a recontact window, caps per quarter and year, quiet hours and days, reminders only
 * on request, recent operational contact, channel preference and consent — every decision stored
 * with all its reasons.
 */
@ApplicationModule(displayName = "Contact", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "privacy",
        "journey",
        "insight" })
@NullMarked
package nl.buitenin.contact;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
