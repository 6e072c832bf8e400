@NullMarked
package nl.buitenin.offers.web;

import org.jspecify.annotations.NullMarked;
