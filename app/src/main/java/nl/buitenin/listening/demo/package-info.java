/** The listening demo steps: surveys, answers, the widget and reminders of Buitenpad Wandelreizen. */
@NullMarked
package nl.buitenin.listening.demo;

import org.jspecify.annotations.NullMarked;
