/**
 * Event streams (Kafka), off unless {@code buitenin.kafka.bootstrap-servers} is set. In: interactions and answered
 * surveys read from topics through the modules' own {@link nl.buitenin.platform.BatchIntake} (the REST API's validation
 * and idempotency), bad records to a dead-letter topic with the reason. Out: cases opened, improvement actions completed
 * and responses completed, as the records of this package ({@link nl.buitenin.streams.StreamedCaseOpened},
 * {@link nl.buitenin.streams.StreamedActionCompleted}, {@link nl.buitenin.streams.StreamedResponsesCompleted}) without
 * personal data, through Spring Modulith's event externalisation. See docs/kafka.md.
 */
@ApplicationModule(displayName = "Event streams (Kafka)", allowedDependencies = {
        "platform",
        "journey",
        "listening",
        "loop" })
@NullMarked
package nl.buitenin.streams;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
