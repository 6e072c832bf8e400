/**
 * Day's self-assessment: the statements, the rounds, the anonymous answers and the results per capability,
 * department and round, with the gap between management and the front line.
 */
@NullMarked
package nl.buitenin.signals.internal.assessment;

import org.jspecify.annotations.NullMarked;
