/** Honest readings on the server: what is computed and kept (score gaming per team, location and staff member). */
@NullMarked
package nl.buitenin.readings.internal;

import org.jspecify.annotations.NullMarked;
