package nl.buitenin.loop.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Adds the default case types at start-up, before the demo (order 10) needs them. */
@Component
@Order(0)
class CaseTypeDefaults implements ApplicationRunner {

    private final CaseTypes types;

    CaseTypeDefaults(CaseTypes types) {
        this.types = types;
    }

    @Override
    public void run(ApplicationArguments args) {
        types.ensureDefaults();
    }
}
