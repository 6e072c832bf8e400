@NullMarked
package nl.buitenin.listening.internal.answers;

import org.jspecify.annotations.NullMarked;
