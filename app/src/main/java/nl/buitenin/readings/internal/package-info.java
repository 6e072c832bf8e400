/** Honest readings' server side: the figures its pages and API show, computed with insight's readings. */
@NullMarked
package nl.buitenin.readings.internal;

import org.jspecify.annotations.NullMarked;
