@NullMarked
package nl.buitenin.offers.demo;

import org.jspecify.annotations.NullMarked;
