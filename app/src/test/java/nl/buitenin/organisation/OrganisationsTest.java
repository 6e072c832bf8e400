package nl.buitenin.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.testing.DatabaseTest;

@DatabaseTest
class OrganisationsTest {

    @Autowired
    Organisations organisations;

    @Test
    void keepsChangedSettings() {
        organisations.update(new Organisation("Ziekenhuis Oost", PersonWord.PATIENT, "en", ZoneId.of("Europe/Brussels")));
        Organisation read = organisations.current();
        assertThat(read.name()).isEqualTo("Ziekenhuis Oost");
        assertThat(read.personWord().singular(Locale.ENGLISH)).isEqualTo("patient");
        assertThat(read.personWord().plural(Locale.forLanguageTag("nl"))).isEqualTo("patiënten");
        assertThat(read.timeZone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(read.register()).as("the default register").isEqualTo(Register.FORMAL);
        organisations.update(new Organisation("Ziekenhuis Oost", PersonWord.PATIENT, "en", ZoneId.of("Europe/Brussels"), Register.INFORMAL));
        assertThat(organisations.current().register()).isEqualTo(Register.INFORMAL);
        assertThat(organisations.current().register().key("answer.lead")).isEqualTo("answer.lead.je");
        organisations.update(new Organisation("Ziekenhuis Oost", PersonWord.PATIENT, "en", ZoneId.of("Europe/Brussels"), Register.FORMAL));
        assertThat(organisations.current().register().key("answer.lead")).isEqualTo("answer.lead");
    }

    @Test
    void invalidSettingsNameEachField() {
        assertThatThrownBy(() -> new Organisation(" ", null, "fr", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field)
                        .containsExactly("name", "personWord", "defaultLanguage", "timeZone"));
        assertThatThrownBy(() -> Organisation.zone("Mars/Olympus")).hasMessageContaining("timeZone");
    }
}
