/** Customer groups' storage and rules: groups, memberships with history, attributes, per-group scores, export and erasure. */
@NullMarked
package nl.buitenin.groups.internal;

import org.jspecify.annotations.NullMarked;
