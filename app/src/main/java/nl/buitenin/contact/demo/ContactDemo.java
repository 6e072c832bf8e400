package nl.buitenin.contact.demo;

import org.springframework.stereotype.Component;

import nl.buitenin.contact.internal.Policy;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.demo.DemoContext;
import nl.buitenin.demo.DemoStep;

/** Buitenpad's contact policy: the sensible default, saved so that it shows on the settings page. */
@Component
class ContactDemo implements DemoStep {

    private final StoredContactPolicy policy;

    ContactDemo(StoredContactPolicy policy) {
        this.policy = policy;
    }

    @Override
    public int order() {
        return 410;
    }

    @Override
    public String name() {
        return "contact policy";
    }

    @Override
    public void load(DemoContext context) {
        policy.change(PolicyFile.of(Policy.sensibleDefault(context.zone())));
    }
}
