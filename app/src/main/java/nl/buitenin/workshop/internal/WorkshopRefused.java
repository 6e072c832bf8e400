package nl.buitenin.workshop.internal;

/**
 * The signed-in user may not do this in this workshop (HTTP 403): they did not join it, or only the facilitator's
 * roles may. Carries a message key ({@code workshop.refused.*}), so the page and the API tell it in the reader's language.
 */
public class WorkshopRefused extends RuntimeException {

    private final String key;

    public WorkshopRefused(String key) {
        super(key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
