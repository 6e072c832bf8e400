/** Customer groups' page and REST API. */
@NullMarked
package nl.buitenin.groups.web;

import org.jspecify.annotations.NullMarked;
