@NullMarked
package nl.buitenin.contact.web;

import org.jspecify.annotations.NullMarked;
