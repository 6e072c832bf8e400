@NullMarked
package nl.buitenin;

import org.jspecify.annotations.NullMarked;
