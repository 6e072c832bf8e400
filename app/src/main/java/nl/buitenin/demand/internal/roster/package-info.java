/** The roster: agents planned per series and interval, read from CSV, the API and the roster page, and the gaps against the plan. */
@NullMarked
package nl.buitenin.demand.internal.roster;

import org.jspecify.annotations.NullMarked;
