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
}
