package nl.buitenin.textinsight.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.ExportOnly;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.PurposeId;

/**
 * Text insight's part of a person's export: the notes staff recorded about them, and what the analysis read in their
 * texts (which text, its language, sentiment and label). Staff appear by what they did, not by their user names.
 */
@Configuration(proxyBeanMethods = false)
class TextInsightPersonalData {

    record ExportedNote(@ExportOnly UUID id, ExportTerm kind, ExportName touchpoint, String text, Instant heardAt) {
    }

    record ExportedAnalysis(@ExportOnly String ref, ExportTerm source, Instant writtenAt, ExportTerm language, double sentiment,
            ExportTerm label, boolean corrected, List<String> searchTerms) {
    }

    @Bean
    PersonalDataSource textInsightNotesSource(Notes notes, Touchpoints touchpoints) {
        return new Source("notes", List.of(PersonalDataTable.keyed("textinsight_note", "person_key", "text"))) {
            @Override
            public List<?> export(PersonKey person) {
                return notes.about(person).stream().map(n -> new ExportedNote(n.id(), new ExportTerm(n.kind().name(), n.kind().messageKey()),
                        name(touchpoints, n.touchpoint()), n.text(), n.heardAt())).toList();
            }
        };
    }

    record ExportedDemand(@ExportOnly String ref, @Nullable ExportName touchpoint, Instant at, ExportTerm demand, @Nullable ExportTerm failureKind) {
    }

    @Bean
    PersonalDataSource textInsightDemandSource(DemandReadings readings, Touchpoints touchpoints) {
        return new Source("contact-demand", List.of(PersonalDataTable.keyed("textinsight_demand", "person_key"))) {
            @Override
            public List<?> export(PersonKey person) {
                return readings.of(person).stream().map(d -> new ExportedDemand(d.sourceRef(), name(touchpoints, d.touchpoint()), d.at(),
                        new ExportTerm(d.demand(), "textinsight.demand." + d.demand()),
                        d.failureKind() == null ? null : new ExportTerm(d.failureKind(), "textinsight.failureKind." + d.failureKind()))).toList();
            }
        };
    }

    @Bean
    PersonalDataSource textInsightAnalysesSource(Analyses analyses, TermIndex terms) {
        return new Source("text-analysis", List.of(PersonalDataTable.keyed("textinsight_analysis", "person_key"),
                PersonalDataTable.keyed("textinsight_term", "person_key"))) {
            @Override
            public List<?> export(PersonKey person) {
                return analyses.of(person).stream().map(a -> new ExportedAnalysis(a.text().ref(),
                        new ExportTerm(a.text().source().name(), a.text().source().messageKey()), a.text().writtenAt(),
                        new ExportTerm(a.text().language().code(), "textinsight.language." + a.text().language().code()),
                        a.text().sentiment(), new ExportTerm(a.label().code(), "textinsight.label." + a.label().code()),
                        a.corrected() != null, terms.of(person, a.text().source(), a.text().ref()))).toList();
            }
        };
    }

    private static ExportName name(Touchpoints touchpoints, TouchpointId id) {
        return touchpoints.byId(id).map(t -> ExportName.of(t.nameNl(), t.nameEn())).orElse(null);
    }

    private abstract static class Source implements PersonalDataSource {
        private final String section;
        private final List<PersonalDataTable> tables;

        Source(String section, List<PersonalDataTable> tables) {
            this.section = section;
            this.tables = tables;
        }

        @Override
        public String section() {
            return section;
        }

        @Override
        public List<PersonalDataTable> tables() {
            return tables;
        }

        /** Everything text insight holds is held for service improvement. */
        @Override
        public PurposeId purpose() {
            return PurposeId.SERVICE_IMPROVEMENT;
        }
    }
}
