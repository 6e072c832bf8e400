package nl.buitenin.contact;

import java.util.Objects;

/** One reason of a refusal: its code and an explanation in Dutch and English. */
public record Reason(ReasonCode code, String nl, String en) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nl, "nl");
        Objects.requireNonNull(en, "en");
    }

    public String text(String language) {
        return "en".equals(language) ? en : nl;
    }
}
