package nl.buitenin.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 and refuses anything else, instead of putting U+FFFD in place of what it cannot read (which is how a
 * Latin-1 "Café" became "Caf\uFFFD" and a new demand series). A byte order mark at the start is dropped. The lines are
 * counted while decoding, so the refusal names the line of the first byte that is not UTF-8.
 */
public final class StrictUtf8Reader extends Reader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The first bytes that are not UTF-8, with the line they are on and the text around them read as Windows-1252. */
    public static final class NotUtf8Exception extends CharacterCodingException {

        private final long line;
        private final int firstByte;
        private final String nearby;

        NotUtf8Exception(long line, int firstByte, String nearby) {
            this.line = line;
            this.firstByte = firstByte;
            this.nearby = nearby;
        }

        public long line() {
            return line;
        }

        /** The first byte that could not be read, such as {@code 0xE9} (é in Latin-1). */
        public String firstByte() {
            return String.format("0x%02X", firstByte);
        }

        /** The value around that byte as it reads in Windows-1252 (a superset of Latin-1), such as "Café Utrecht". */
        public String nearby() {
            return nearby;
        }

        @Override
        public String getMessage() {
            return "line " + line + " is not UTF-8 (byte " + firstByte() + " near \"" + nearby + "\")";
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
    private boolean endOfInput;
    private boolean finished;
    private boolean started;
    private long line = 1;
    private boolean afterCarriageReturn;

    public StrictUtf8Reader(InputStream in) {
        this.in = in;
        chars.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    /** Decodes the next piece into {@code chars}; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        if (finished) {
            return false;
        }
        chars.clear();
        try {
            while (chars.position() == 0) {
                if (!endOfInput && bytes.hasRemaining()) {
                    int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    if (read < 0) {
                        endOfInput = true;
                    } else {
                        bytes.position(bytes.position() + read);
                    }
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    countLines(chars.position());
                    throw notUtf8(bytes.position());
                }
                if (endOfInput && !bytes.hasRemaining()) {
                    CoderResult flushed = decoder.flush(chars);
                    if (flushed.isError()) {
                        throw notUtf8(bytes.position());
                    }
                    finished = true;
                    bytes.compact();
                    break;
                }
                bytes.compact();
            }
        } finally {
            chars.flip();
        }
        if (!started && chars.hasRemaining()) {
            started = true;
            if (chars.get(0) == '\uFEFF') {
                chars.get();
            }
        }
        countLines(chars.limit());
        return chars.hasRemaining() || !finished;
    }

    private int counted;

    /** Counts the line ends in {@code chars} up to {@code end} that were not counted before. */
    private void countLines(int end) {
        for (int i = counted; i < end; i++) {
            char c = chars.get(i);
            if (c == '\r' || (c == '\n' && !afterCarriageReturn)) {
                line++;
            }
            afterCarriageReturn = c == '\r';
        }
        counted = end;
        if (end == chars.limit()) {
            counted = 0;
        }
    }

    private NotUtf8Exception notUtf8(int at) {
        byte[] array = bytes.array();
        int from = at;
        while (from > 0 && at - from < 40 && !separator(array[from - 1])) {
            from--;
        }
        int to = at;
        while (to < bytes.limit() && to - at < 40 && !separator(array[to])) {
            to++;
        }
        String nearby = new String(array, from, to - from, WINDOWS_1252).strip();
        return new NotUtf8Exception(line, array[at] & 0xFF, nearby);
    }

    private static boolean separator(byte b) {
        return b == ',' || b == ';' || b == '\t' || b == '\n' || b == '\r' || b == '"';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
