/** The workshop's pages (list, join, board, result) and its REST API. */
@NullMarked
package nl.buitenin.workshop.web;

import org.jspecify.annotations.NullMarked;
