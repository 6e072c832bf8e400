package nl.buitenin.demo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param people how many people the demo organisation serves ({@code BUITENIN_DEMO_PEOPLE}, or {@code demo --people})
 * @param seed   the seed of the generator ({@code BUITENIN_DEMO_SEED})
 */
@ConfigurationProperties("buitenin.demo")
record DemoProperties(int people, long seed) {

    DemoProperties {
        if (people <= 0) {
            people = 2000;
        }
        if (seed == 0) {
            seed = 20260401L;
        }
    }
}
