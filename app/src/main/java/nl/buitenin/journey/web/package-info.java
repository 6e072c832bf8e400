@NullMarked
package nl.buitenin.journey.web;

import org.jspecify.annotations.NullMarked;
