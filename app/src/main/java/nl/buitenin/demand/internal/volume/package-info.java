@NullMarked
package nl.buitenin.demand.internal.volume;

import org.jspecify.annotations.NullMarked;
