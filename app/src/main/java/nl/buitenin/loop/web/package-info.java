@NullMarked
package nl.buitenin.loop.web;

import org.jspecify.annotations.NullMarked;
