package nl.buitenin.platform.internal;

/** The production profile is missing a setting it cannot do without. */
class ProductionMisconfiguredException extends RuntimeException {

    ProductionMisconfiguredException(String message) {
        super(message);
    }
}
