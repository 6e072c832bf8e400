/**
 * Text insight (C7.2, C2.4): the stored, organisation-facing side of the text analysis. Every text people wrote
 * (the free-text answers of a completed response, the text of a case) or staff heard (a note of a focus group, a
 * phone call, a visit at the door) is analysed after its commit with insight's {@code TextAnalyzer}, under the
 * purpose "service improvement", and its language, sentiment and label are kept with a reference to the source; an
 * analyst may correct the label. The text itself stays with its source: erasure and retention of the source reach the
 * analysis through the person key. Apart from insight, because insight may not read listening or loop.
 */
@ApplicationModule(displayName = "Text insight", allowedDependencies = {
        "platform",
        "access",
        "organisation",
        "demo",
        "privacy",
        "journey",
        "listening",
        "loop",
        "insight",
        "insight :: text" })
@NullMarked
package nl.buitenin.textinsight;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
