/**
 * Market signals: what staff notice outside, the missed sales analysts group into a signal, and what the organisation
 * did with each signal (Day's linking processes): an improvement action in loop, a decision not to act, or still open.
 */
@NullMarked
package nl.buitenin.signals.internal.market;

import org.jspecify.annotations.NullMarked;
