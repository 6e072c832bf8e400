@NullMarked
package nl.buitenin.organisation.web;

import org.jspecify.annotations.NullMarked;
