package nl.buitenin.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles (and, for the REST API, the API-key scopes) allowed to call a controller or one of its
 * methods. A method's annotation replaces its class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {

    Role[] value();

    Scope[] scopes() default {};

    /**
     * Whether an API key bound to resources ({@link ApiKeyBindings}) may call it. Only handlers that check the
     * binding themselves say so; every other handler refuses a bound key whatever its scopes, so that a key made
     * for one widget site's server cannot also send interactions or answers.
     */
    boolean boundKeys() default false;
}
