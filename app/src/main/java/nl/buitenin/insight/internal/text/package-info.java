/**
 * The inside of insight's text analysis: tokens and sentences from Lucene's standard tokenizer, the lexicons,
 * language guessing and the sentiment rules, and the evaluation against the labelled development sets.
 */
@NullMarked
package nl.buitenin.insight.internal.text;

import org.jspecify.annotations.NullMarked;
