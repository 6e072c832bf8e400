@NullMarked
package nl.buitenin.privacy.web;

import org.jspecify.annotations.NullMarked;
