/**
 * Closing the loop (C5): complaints and detractor answers become cases with an owner, a deadline from
 * their type's SLA and a guarded life cycle; cases are tagged with themes (root causes); improvement
 * actions address themes, and when one is done everyone who raised a theme is told what changed
 * ("you said, we did"). Other modules open cases through {@link nl.buitenin.loop.Cases} and react to
 * {@link nl.buitenin.loop.CaseOpened}, {@link nl.buitenin.loop.CaseClosed} and
 * {@link nl.buitenin.loop.ActionCompleted}.
 */
@ApplicationModule(displayName = "Closing the loop", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "privacy",
        "journey",
        "messaging",
        "contact",
        "insight",
        "listening" })
@NullMarked
package nl.buitenin.loop;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
