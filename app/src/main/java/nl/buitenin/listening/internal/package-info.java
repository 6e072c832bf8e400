@NullMarked
package nl.buitenin.listening.internal;

import org.jspecify.annotations.NullMarked;
