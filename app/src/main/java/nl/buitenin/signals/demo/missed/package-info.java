/** The demo's missed sales and market signals at Buitenpad Wandelreizen. */
@NullMarked
package nl.buitenin.signals.demo.missed;

import org.jspecify.annotations.NullMarked;
