package nl.buitenin.textinsight.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.ErasedText;
import nl.buitenin.privacy.FreeTextScrubber;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataTable;

/**
 * Forgets a person in text insight with the shared scrubber: notes about them lose every direct identifier, any other
 * note that mentions them loses theirs; then the key goes from the notes and from the analyses of their texts. The
 * analyses follow their texts, which their sources scrub and keep anonymously: language, sentiment and label stay for
 * the figures, no longer linked to anybody. The search index forgets the words of their texts and their name in any text.
 */
@Component
class TextInsightErasure implements PersonalDataErasure {

    private final JdbcClient jdbc;
    private final Analyses analyses;
    private final DemandReadings demand;
    private final SuggestedThemes suggested;
    private final TermIndex terms;

    TextInsightErasure(JdbcClient jdbc, Analyses analyses, DemandReadings demand, SuggestedThemes suggested, TermIndex terms) {
        this.suggested = suggested;
        this.jdbc = jdbc;
        this.terms = terms;
        this.analyses = analyses;
        this.demand = demand;
    }

    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.keyed("textinsight_note", "person_key", "text"),
                PersonalDataTable.keyed("textinsight_analysis", "person_key"), PersonalDataTable.keyed("textinsight_demand", "person_key"),
                PersonalDataTable.text("textinsight_suggested_theme", "labels"),
                PersonalDataTable.keyed("textinsight_term", "person_key"));
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        ErasedText text = new ErasedText(jdbc, erased);
        text.scrubOwn("textinsight_note", List.of("id"), "text", "person_key = :person");
        // A note about somebody else (or about nobody in particular, a focus group) may name them too.
        text.scrubMentions("textinsight_note", List.of("id"), "text");
        jdbc.sql("update textinsight_note set person_key = null where person_key = :p").param("p", erased.person().value()).update();
        analyses.forget(erased.person());
        demand.forget(erased.person());
        // A suggested theme's labels are phrases several texts share, so a name written often can be one of them.
        text.scrubMentions("textinsight_suggested_theme", List.of("id"), "labels");
        suggested.rekey();
        // Their own texts are no longer found by any word, and nobody's text by their name.
        terms.forget(erased.person());
        terms.forgetWords(new FreeTextScrubber().searchTerms(erased.identifiers()).words());
    }
}
