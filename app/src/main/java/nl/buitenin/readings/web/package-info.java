/** Honest readings' pages and REST API: pilots. */
@NullMarked
package nl.buitenin.readings.web;

import org.jspecify.annotations.NullMarked;
