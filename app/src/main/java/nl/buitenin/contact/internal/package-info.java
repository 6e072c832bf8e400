@NullMarked
package nl.buitenin.contact.internal;

import org.jspecify.annotations.NullMarked;
