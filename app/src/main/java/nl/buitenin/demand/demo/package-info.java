@NullMarked
package nl.buitenin.demand.demo;

import org.jspecify.annotations.NullMarked;
