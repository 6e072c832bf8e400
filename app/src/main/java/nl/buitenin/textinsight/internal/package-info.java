/** Text insight's storage, analysis after commit, notes, export and erasure. */
@NullMarked
package nl.buitenin.textinsight.internal;

import org.jspecify.annotations.NullMarked;
