/** The demo's listen-in days of Buitenpad's managers. */
@NullMarked
package nl.buitenin.signals.demo.listenin;

import org.jspecify.annotations.NullMarked;
