/** Buitenpad's walking members split by pace (seed 000): the groups demo step. */
@NullMarked
package nl.buitenin.groups.demo;

import org.jspecify.annotations.NullMarked;
