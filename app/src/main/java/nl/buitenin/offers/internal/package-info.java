@NullMarked
package nl.buitenin.offers.internal;

import org.jspecify.annotations.NullMarked;
