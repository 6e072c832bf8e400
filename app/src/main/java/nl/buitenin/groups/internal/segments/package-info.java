/**
 * The segment finder's calculations, plain Java without Spring: k-prototypes clustering of mixed numeric and
 * categorical data (Huang 1998), the choice of k by the mean silhouette, and the adjusted Rand index that measures how
 * well a clustering finds known groups.
 */
@NullMarked
package nl.buitenin.groups.internal.segments;

import org.jspecify.annotations.NullMarked;
