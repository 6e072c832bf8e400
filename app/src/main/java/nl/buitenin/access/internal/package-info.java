@NullMarked
package nl.buitenin.access.internal;

import org.jspecify.annotations.NullMarked;
