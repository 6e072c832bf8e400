package nl.buitenin.privacy.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.buitenin.organisation.Organisations;
import nl.buitenin.privacy.internal.PersonExport;
import nl.buitenin.privacy.internal.Purposes;

/** Renders an export for a reader: their language, the organisation's time zone and register ("u" or "je"). */
@Component
class ExportViews {

    private final MessageSource messages;
    private final Organisations organisations;
    private final Purposes purposes;

    ExportViews(MessageSource messages, Organisations organisations, Purposes purposes) {
        this.messages = messages;
        this.organisations = organisations;
        this.purposes = purposes;
    }

    ExportView of(PersonExport export, Locale locale) {
        return ExportView.of(export, messages, locale, organisations.current().timeZone(), purposes::find,
                organisations.current().register());
    }
}
