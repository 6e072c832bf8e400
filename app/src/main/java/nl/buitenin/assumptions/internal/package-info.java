@NullMarked
package nl.buitenin.assumptions.internal;

import org.jspecify.annotations.NullMarked;
