@NullMarked
package nl.buitenin.listening.internal.widget;

import org.jspecify.annotations.NullMarked;
