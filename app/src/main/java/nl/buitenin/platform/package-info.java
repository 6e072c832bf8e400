/**
 * What every capability stands on: the web shell's navigation, REST conventions (problem details,
 * pagination, idempotent POSTs), start-up checks and operational logging. Depends on no other module.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
@NullMarked
package nl.buitenin.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
