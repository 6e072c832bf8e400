@NullMarked
package nl.buitenin.loop.internal;

import org.jspecify.annotations.NullMarked;
