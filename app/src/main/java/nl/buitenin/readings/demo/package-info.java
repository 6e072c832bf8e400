/** Honest readings' part of the demo: a finished pilot on the booking stage and a running one. */
@NullMarked
package nl.buitenin.readings.demo;

import org.jspecify.annotations.NullMarked;
