/** Early warnings: series read from the modules' public figures, an exact trend test, thresholds and the weekly digest. */
@NullMarked
package nl.buitenin.signals.internal.warnings;

import org.jspecify.annotations.NullMarked;
