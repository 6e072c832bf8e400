/**
 * Users, roles and API keys; sign-in, lock-out and the authorisation rule of every endpoint.
 * Every controller method carries {@link nl.buitenin.access.Allow}, {@link nl.buitenin.access.AnySignedIn}
 * or {@link nl.buitenin.access.PublicEndpoint}; a request to a handler without one is refused.
 */
@ApplicationModule(displayName = "Access", allowedDependencies = {
        "platform" })
@NullMarked
package nl.buitenin.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
