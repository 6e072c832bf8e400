@NullMarked
package nl.buitenin.demo.internal;

import org.jspecify.annotations.NullMarked;
