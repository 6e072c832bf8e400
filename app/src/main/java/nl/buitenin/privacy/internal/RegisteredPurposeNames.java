package nl.buitenin.privacy.internal;

import java.util.Locale;

import org.springframework.stereotype.Component;

import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeNames;

/** Purpose names from the register, for other modules' pages. */
@Component
class RegisteredPurposeNames implements PurposeNames {

    private final Purposes purposes;

    RegisteredPurposeNames(Purposes purposes) {
        this.purposes = purposes;
    }

    @Override
    public String name(PurposeId purpose, Locale locale) {
        return purposes.find(purpose).map(p -> p.name(locale)).orElse(purpose.value());
    }
}
