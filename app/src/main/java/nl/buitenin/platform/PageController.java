package nl.buitenin.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of pages a person reads (templates rendered with the navigation, the organisation and its words), as
 * opposed to a {@code @RestController} of the API. The advice that fills every page's model applies to these only:
 * {@code @ControllerAdvice(annotations = Controller.class)} also matched every API controller (a {@code @RestController}
 * is a {@code @Controller}), so each API call computed a menu and read the organisation five times for a model it never
 * renders, at least a twelfth of what an offer decision allocated (BENCHMARKS.md, offer decisions).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

    /** The bean name, as {@link Controller#value()}. */
    @AliasFor(annotation = Controller.class)
    String value() default "";
}
