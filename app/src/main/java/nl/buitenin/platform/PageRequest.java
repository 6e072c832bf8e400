package nl.buitenin.platform;

import org.jspecify.annotations.Nullable;

/**
 * A validated page request: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}.
 * Invalid values are refused, not silently clamped, so that a client learns of its mistake.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 50;

    public PageRequest {
        if (page < 0) {
            throw InvalidInputException.of("page", "platform.invalid.page");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.of("size", "platform.invalid.size", MAX_SIZE);
        }
    }

    public static PageRequest of(@Nullable Integer page, @Nullable Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
