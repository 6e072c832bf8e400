/**
 * Offers without fatigue (C3.5): a person's interests in topics (a destination, a product) grow with their interactions
 * and fade with a half-life per kind of interaction; a marketing or CRM system asks whether it may make an offer, and the
 * one contact policy decides (contact's {@code Outreach}, kind OFFER) with the interest as one of its rules. Interests are
 * personal data under the purpose "offers".
 */
@ApplicationModule(displayName = "Offers", allowedDependencies = {
        "platform",
        "access",
        "demo",
        "privacy",
        "journey",
        "contact" })
@NullMarked
package nl.buitenin.offers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
