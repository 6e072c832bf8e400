package nl.buitenin.loop;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a case came from, such as {@code answer:<id>}, {@code complaint:<external id>} or
 * {@code manual:<uuid>}. The same source never opens two cases, so a retried event or import is a no-op.
 */
public record CaseSource(String value) {

    private static final Pattern FORM = Pattern.compile("(answer|complaint|manual|desk):[A-Za-z0-9._:@/-]{1,280}");

    public CaseSource {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a case source is answer:, complaint:, manual: or desk: followed by "
                    + "1 to 280 letters, digits or . _ : @ / -, got: " + value);
        }
    }

    public static CaseSource answer(String answerId) {
        return new CaseSource("answer:" + answerId);
    }

    public static CaseSource complaint(String externalId) {
        return new CaseSource("complaint:" + externalId);
    }

    public static CaseSource manual() {
        return new CaseSource("manual:" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
