/** Honest readings' pages and REST API. */
@NullMarked
package nl.buitenin.readings.web;

import org.jspecify.annotations.NullMarked;
