/** The pages and API of missed sales: logging one in two clicks, the trends, and the batch API for tills. */
@NullMarked
package nl.buitenin.signals.web.missed;

import org.jspecify.annotations.NullMarked;
