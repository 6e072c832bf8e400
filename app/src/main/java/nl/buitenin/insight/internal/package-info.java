@NullMarked
package nl.buitenin.insight.internal;

import org.jspecify.annotations.NullMarked;
