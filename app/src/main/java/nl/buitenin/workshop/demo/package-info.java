/** The demo's workshop: Buitenpad's staff mapped the booking-and-travel journey. */
@NullMarked
package nl.buitenin.workshop.demo;

import org.jspecify.annotations.NullMarked;
