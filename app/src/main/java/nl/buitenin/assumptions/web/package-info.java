@NullMarked
package nl.buitenin.assumptions.web;

import org.jspecify.annotations.NullMarked;
