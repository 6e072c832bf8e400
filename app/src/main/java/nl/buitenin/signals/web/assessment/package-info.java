/** Pages and API of Day's self-assessment: the anonymous questionnaire, the rounds and the results. */
@NullMarked
package nl.buitenin.signals.web.assessment;

import org.jspecify.annotations.NullMarked;
