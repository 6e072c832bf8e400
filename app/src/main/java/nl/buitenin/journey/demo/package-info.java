@NullMarked
package nl.buitenin.journey.demo;

import org.jspecify.annotations.NullMarked;
