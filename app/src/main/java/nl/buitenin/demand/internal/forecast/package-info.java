@NullMarked
package nl.buitenin.demand.internal.forecast;

import org.jspecify.annotations.NullMarked;
