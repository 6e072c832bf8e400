@NullMarked
package nl.buitenin.contact.demo;

import org.jspecify.annotations.NullMarked;
