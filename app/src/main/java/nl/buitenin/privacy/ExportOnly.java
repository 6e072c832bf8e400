package nl.buitenin.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a component of an exported record: kept in the JSON download (for a machine: an id, a key, a code) and
 * left off the page that shows the export to a person. UUIDs are left off the page without it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface ExportOnly {
}
