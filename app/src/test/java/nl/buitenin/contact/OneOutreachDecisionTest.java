package nl.buitenin.contact;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every module that contacts a person asks {@link Outreach}; none gathers the contact rules' facts itself or
 * decides on its own path. The decision with given facts ({@link ContactPolicy}, {@link PersonFacts},
 * {@link ToldBackFacts}) stays inside the contact module, for {@link Outreach} itself and the what-if tools.
 */
class OneOutreachDecisionTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.buitenin");

    @Test
    void onlyTheContactModuleDecidesOnGivenFacts() {
        noClasses().that().resideOutsideOfPackage("nl.buitenin.contact..")
                .should().dependOnClassesThat().belongToAnyOf(ContactPolicy.class, PersonFacts.class, ToldBackFacts.class, PastContact.class)
                .because("senders ask nl.buitenin.contact.Outreach, which gathers the facts and decides in one place")
                .check(PRODUCTION);
    }
}
