/** The workshops, their boards, join codes and votes: storage and rules. */
@NullMarked
package nl.buitenin.workshop.internal;

import org.jspecify.annotations.NullMarked;
