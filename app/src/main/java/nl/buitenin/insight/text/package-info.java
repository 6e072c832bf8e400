/**
 * Text analysis for insight (C7): the language of a text (Dutch or English), its sentiment per text and per
 * sentence, and its stemmed terms, in plain Java over Lucene's analyzers and openly licensed lexicons shipped
 * as resources. {@link nl.buitenin.insight.text.TextAnalyzer} is the one entry point; it is thread-safe and
 * meant to be built once. The rules and the measured quality are in {@code docs/insight.md}.
 */
@org.springframework.modulith.NamedInterface("text")
@NullMarked
package nl.buitenin.insight.text;

import org.jspecify.annotations.NullMarked;
