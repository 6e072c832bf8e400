package nl.buitenin.platform;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Text that every supported database can store. PostgreSQL refuses the NUL character ({@code U+0000}) in any text
 * column, and a lone UTF-16 surrogate (a broken {@code \uD800} escape in JSON) cannot be written as UTF-8 at all: the
 * driver would store a question mark instead. Such text is refused by name before it reaches a database, on every input
 * (JSON bodies through the platform's request-body advice, form and query parameters through its interceptor, batch
 * items through their own per-item checks), so that H2 and PostgreSQL answer alike.
 */
public final class StorableText {

    /** How deep {@link #scan} follows nested records, lists and maps: request bodies are shallow; this only stops a cycle. */
    private static final int MAX_DEPTH = 12;

    private StorableText() {
    }

    /** The error for {@code field} when {@code text} holds a character that cannot be stored; empty when it is fine or null. */
    public static Optional<FieldError> check(String field, @Nullable String text) {
        int at = unstorableAt(text);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(FieldError.of(field, "platform.invalid.character",
                String.format("U+%04X", (int) text.charAt(at)), at + 1));
    }

    /** The index of the first character that cannot be stored, or -1. */
    public static int unstorableAt(@Nullable String text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every text in {@code value} (a record, list, map, array or string, nested) that cannot be stored, named by its
     * path from {@code path}: {@code items[3].answers.comment[0]}. Lists marked {@link CheckedPerItem} are skipped: their
     * items are checked one by one by the service that takes the batch, so one bad item does not refuse the others.
     */
    public static List<FieldError> scan(String path, @Nullable Object value) {
        List<FieldError> errors = new ArrayList<>();
        scan(path, value, errors, 0);
        return errors;
    }

    private static void scan(String path, @Nullable Object value, List<FieldError> errors, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence text) {
            check(path.isEmpty() ? "body" : path, text.toString()).ifPresent(errors::add);
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                scan(path + "[" + i++ + "]", item, errors, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String at = join(path, key);
                if (entry.getKey() instanceof String name) {
                    check(at, name).ifPresent(errors::add);
                }
                scan(at, entry.getValue(), errors, depth + 1);
            }
        } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                scan(path + "[" + i + "]", Array.get(value, i), errors, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (Part part : PARTS.get(value.getClass())) {
                Object component;
                try {
                    component = part.accessor().invoke(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                scan(join(path, part.name()), component, errors, depth + 1);
            }
        }
    }

    /** A record's component to scan: its name and its accessor, made accessible once. */
    private record Part(String name, Method accessor) {
    }

    /**
     * The components to scan per record class, worked out once: every batch item is scanned, and reading the components
     * and their annotations anew for each one cost as much as the rest of an interaction's validation.
     */
    private static final ClassValue<List<Part>> PARTS = new ClassValue<>() {
        @Override
        protected List<Part> computeValue(Class<?> type) {
            List<Part> parts = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.isAnnotationPresent(CheckedPerItem.class)) {
                    continue;
                }
                Method accessor = component.getAccessor();
                try {
                    accessor.setAccessible(true);
                } catch (RuntimeException e) {
                    continue;
                }
                parts.add(new Part(component.getName(), accessor));
            }
            return List.copyOf(parts);
        }
    };

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
