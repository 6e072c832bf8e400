/** The listen-in log: the days and hours managers spent with customers (meeloopdag, meeluisteren, klantbezoek). */
@NullMarked
package nl.buitenin.signals.internal.listenin;

import org.jspecify.annotations.NullMarked;
