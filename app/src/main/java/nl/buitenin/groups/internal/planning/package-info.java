/**
 * Planning guides for trips (issue 17, staff preferences and matching): guides' preferences (pseudonymous staff
 * references, under the purpose "guide planning"), trips per group, and the assignment of guides to trips with the least
 * total mismatch under hard constraints, computed exactly per day with the Hungarian method.
 */
@NullMarked
package nl.buitenin.groups.internal.planning;

import org.jspecify.annotations.NullMarked;
