/**
 * Listening (C2): surveys with NPS, CSAT, CES, rating, choice and open questions in Dutch and English,
 * immutable published versions, and the question checker that flags leading, loaded,
 * double-barrelled, unbalanced, absolute, jargon-laden and over-long questions before a survey goes out.
 */
@ApplicationModule(displayName = "Listening", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "privacy",
        "journey",
        "messaging",
        "contact",
        "insight" })
@NullMarked
package nl.buitenin.listening;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
