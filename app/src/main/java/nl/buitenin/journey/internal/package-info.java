@NullMarked
package nl.buitenin.journey.internal;

import org.jspecify.annotations.NullMarked;
