/**
 * Missed sales ("nee-verkopen"): what people asked for that the organisation could not offer, logged by front-line staff
 * and sent by tills and booking systems, and counted per week, per thing asked for, channel and location.
 */
@NullMarked
package nl.buitenin.signals.internal.missed;

import org.jspecify.annotations.NullMarked;
