@NullMarked
package nl.buitenin.demand.web;

import org.jspecify.annotations.NullMarked;
