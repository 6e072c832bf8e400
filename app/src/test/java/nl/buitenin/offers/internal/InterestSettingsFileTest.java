package nl.buitenin.offers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nl.buitenin.journey.InteractionKind;
import nl.buitenin.platform.InvalidInputException;

class InterestSettingsFileTest {

    @Test
    void aKindLeftOutOfTheDefaultStaysOutWhenWrittenAndReadBack() {
        InterestSettings settings = InterestSettingsFile.read("{\"kinds\":{\"visit\":null},\"threshold\":5}").toSettings();
        assertThat(settings.kinds()).doesNotContainKey(InteractionKind.VISIT).containsKey(InteractionKind.PURCHASE);

        InterestSettings again = InterestSettingsFile.read(InterestSettingsFile.of(settings).write()).toSettings();

        assertThat(again).isEqualTo(settings);
    }

    @Test
    void fieldsLeftOutTakeTheDefault() {
        InterestSettings settings = InterestSettingsFile.read("{\"kinds\":{\"search\":{\"weight\":2}}}").toSettings();

        assertThat(settings.kinds().get(InteractionKind.SEARCH)).isEqualTo(new InterestSettings.KindRule(2, 10));
        assertThat(settings.threshold()).isEqualTo(InterestSettings.sensibleDefault().threshold());
    }

    @Test
    void anUnknownKindIsRefusedByName() {
        assertThatThrownBy(() -> InterestSettingsFile.read("{\"kinds\":{\"telepathy\":{\"weight\":1}}}").toSettings())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("kinds");
    }
}
