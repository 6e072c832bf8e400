@NullMarked
package nl.buitenin.demand.internal;

import org.jspecify.annotations.NullMarked;
