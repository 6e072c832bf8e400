/**
 * Privacy by purpose (C4): the processing register, persons behind pseudonymous keys, consent per
 * purpose, purpose-bound access with an access log, export and erasure, retention. Other modules know a
 * person only by {@link nl.buitenin.privacy.PersonKey}; they read contact details and free text only
 * through this module's API under a registered {@link nl.buitenin.privacy.PurposeId}, and scrub what they
 * hold about a person when {@link nl.buitenin.privacy.PersonErased} is published.
 */
@ApplicationModule(displayName = "Privacy", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo" })
@NullMarked
package nl.buitenin.privacy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
