package nl.buitenin.loop.internal;

import org.springframework.stereotype.Component;

import nl.buitenin.contact.OpenCases;
import nl.buitenin.loop.Cases;
import nl.buitenin.privacy.PersonKey;

/** Tells the contact rules about open cases, so nobody with a complaint in progress is asked for feedback. */
@Component
class OpenCasesForContactPolicy implements OpenCases {

    private final Cases cases;

    OpenCasesForContactPolicy(Cases cases) {
        this.cases = cases;
    }

    @Override
    public boolean hasOpenCase(PersonKey person) {
        return cases.hasOpenCase(person);
    }
}
