@NullMarked
package nl.buitenin.privacy.internal;

import org.jspecify.annotations.NullMarked;
