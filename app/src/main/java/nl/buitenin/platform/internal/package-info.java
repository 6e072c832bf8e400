@NullMarked
package nl.buitenin.platform.internal;

import org.jspecify.annotations.NullMarked;
