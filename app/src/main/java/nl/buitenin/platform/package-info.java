/**
 * What every capability stands on: the web shell's navigation, REST conventions (problem details,
 * pagination, idempotent POSTs), start-up checks and operational logging. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package nl.buitenin.platform;
