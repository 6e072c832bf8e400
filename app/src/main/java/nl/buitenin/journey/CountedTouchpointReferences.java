package nl.buitenin.journey;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * References that are one count of rows per touchpoint (interactions, cases, histogram counts): the module gives
 * its count query and message key, this class asks and words the answer. Modules whose references name things
 * (surveys, widget sites) implement {@link TouchpointReferences} themselves.
 */
public abstract class CountedTouchpointReferences implements TouchpointReferences {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final String kind;
    private final String messageKey;
    private final String countSql;

    /**
     * @param kind       the reference's stable code, such as {@code loop.cases}
     * @param messageKey the text with the count as {0}
     * @param countSql   a query returning one number, with the touchpoint ids as {@code (:ids)}
     */
    protected CountedTouchpointReferences(JdbcClient jdbc, MessageSource messages, String kind, String messageKey, String countSql) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.kind = kind;
        this.messageKey = messageKey;
        this.countSql = countSql;
    }

    @Override
    public List<TouchpointReference> referencesTo(Set<TouchpointId> touchpoints, Locale locale) {
        if (touchpoints.isEmpty()) {
            return List.of();
        }
        long count = jdbc.sql(countSql).param("ids", touchpoints.stream().map(TouchpointId::value).toList()).query(Long.class).single();
        return count == 0 ? List.of()
                : List.of(new TouchpointReference(kind, count, messages.getMessage(messageKey, new Object[] {count}, locale)));
    }
}
