/** Text insight's pages and REST API: notes, and the analysis of a response, note or case. */
@NullMarked
package nl.buitenin.textinsight.web;

import org.jspecify.annotations.NullMarked;
