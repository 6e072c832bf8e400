/** Text insight's part of the demo: Buitenpad's comments analysed, and notes of what staff heard. */
@NullMarked
package nl.buitenin.textinsight.demo;

import org.jspecify.annotations.NullMarked;
