@NullMarked
package nl.buitenin.loop.demo;

import org.jspecify.annotations.NullMarked;
