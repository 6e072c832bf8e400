/** Honest readings' server side: the readings computed from the organisation's responses. */
@NullMarked
package nl.buitenin.readings.internal;

import org.jspecify.annotations.NullMarked;
