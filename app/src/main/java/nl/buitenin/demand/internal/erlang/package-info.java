@NullMarked
package nl.buitenin.demand.internal.erlang;

import org.jspecify.annotations.NullMarked;
