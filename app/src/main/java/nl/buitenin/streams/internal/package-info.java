@NullMarked
package nl.buitenin.streams.internal;

import org.jspecify.annotations.NullMarked;
