@NullMarked
package nl.buitenin.privacy.demo;

import org.jspecify.annotations.NullMarked;
