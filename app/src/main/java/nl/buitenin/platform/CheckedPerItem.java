package nl.buitenin.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the items of a batch request (a record component holding a list) whose texts the ingesting service checks
 * item by item ({@link StorableText#scan} on each item, reported in its {@link IngestReport.ItemOutcome}), so the
 * platform's check of the whole request body leaves them alone and one bad item does not refuse the batch.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface CheckedPerItem {
}
