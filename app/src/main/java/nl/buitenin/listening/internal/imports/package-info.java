@NullMarked
package nl.buitenin.listening.internal.imports;

import org.jspecify.annotations.NullMarked;
