@NullMarked
package nl.buitenin.assumptions.demo;

import org.jspecify.annotations.NullMarked;
