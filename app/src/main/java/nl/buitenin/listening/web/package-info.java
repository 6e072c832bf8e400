@NullMarked
package nl.buitenin.listening.web;

import org.jspecify.annotations.NullMarked;
