@NullMarked
package nl.buitenin.messaging.internal;

import org.jspecify.annotations.NullMarked;
