/** Pages and REST API of the early warnings and the listen-in log. */
@NullMarked
package nl.buitenin.signals.web.warnings;

import org.jspecify.annotations.NullMarked;
