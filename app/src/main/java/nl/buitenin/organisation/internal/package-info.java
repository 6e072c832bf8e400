@NullMarked
package nl.buitenin.organisation.internal;

import org.jspecify.annotations.NullMarked;
