@NullMarked
package nl.buitenin.access.web;

import org.jspecify.annotations.NullMarked;
