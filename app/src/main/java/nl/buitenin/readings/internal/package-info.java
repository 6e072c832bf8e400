/** Honest readings' storage and reading: pilots on part of a journey, their plan, progress and result. */
@NullMarked
package nl.buitenin.readings.internal;

import org.jspecify.annotations.NullMarked;
