package nl.buitenin.journey;

import java.util.Locale;

/** What happened at a touchpoint. */
public enum InteractionKind {
    /** A question, a call, a chat, a complaint. */
    CONTACT,
    /** A booking or a purchase. */
    PURCHASE,
    /** A visit to a shop or a site, or of a guide at home. */
    VISIT,
    /** A search on the site or in an app (for a destination, a product). */
    SEARCH,
    /** A click on an offer that was sent or shown. */
    OFFER_CLICK;

    public String messageKey() {
        return "interactionKind." + name().toLowerCase(Locale.ROOT);
    }
}
