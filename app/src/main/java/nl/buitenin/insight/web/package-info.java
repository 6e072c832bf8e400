@NullMarked
package nl.buitenin.insight.web;

import org.jspecify.annotations.NullMarked;
