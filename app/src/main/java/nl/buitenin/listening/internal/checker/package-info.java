@NullMarked
package nl.buitenin.listening.internal.checker;

import org.jspecify.annotations.NullMarked;
