/** The pages and API of market signals and of the chain from a signal outside to a change inside. */
@NullMarked
package nl.buitenin.signals.web.market;

import org.jspecify.annotations.NullMarked;
