package nl.buitenin.loop.internal;

import org.springframework.stereotype.Component;

import nl.buitenin.contact.OpenCases;
import nl.buitenin.privacy.PersonKey;

/**
 * Loop's answer to contact's {@link OpenCases} port, so nobody with a complaint in progress is asked for
 * feedback: one count on the case table, asked by the outreach decision itself (no sender passes it along).
 */
@Component
class OpenCasesForContactPolicy implements OpenCases {

    private final CaseFiles cases;

    OpenCasesForContactPolicy(CaseFiles cases) {
        this.cases = cases;
    }

    @Override
    public boolean hasOpenCase(PersonKey person) {
        return cases.hasOpenCase(person);
    }
}
