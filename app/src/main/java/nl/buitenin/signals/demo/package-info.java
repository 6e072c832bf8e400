/** Customer-focus signals' part of the demo. */
@NullMarked
package nl.buitenin.signals.demo;

import org.jspecify.annotations.NullMarked;
