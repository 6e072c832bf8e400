package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shared CSV reading of every import: strict UTF-8, line numbers as an editor shows them, named refusals. */
class CsvInputTest {

    static List<CsvInput.Line> read(byte[] bytes) {
        return CsvInput.readAll(CsvInput.utf8(new ByteArrayInputStream(bytes)));
    }

    static CsvInput.Refusal refusal(byte[] bytes) {
        try {
            read(bytes);
        } catch (CsvInput.Refusal e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesAreNumberedAsAnEditorShowsThemAlsoWhenAValueSpansLines() {
        List<CsvInput.Line> lines = read(utf8("a,b\r\n1,\"two\nlines\"\r\n\r\n3,x\n"));
        assertThat(lines).extracting(CsvInput.Line::number).containsExactly(1L, 2L, 4L, 5L);
        assertThat(lines.get(1).values()).containsExactly("1", "two\nlines");
        assertThat(lines.get(2).isBlank()).isTrue();
    }

    @Test
    void aByteOrderMarkIsDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = utf8("sourceId,at\n1,2\n");
        byte[] both = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(text, 0, both, 3, text.length);
        assertThat(read(both).get(0).values()).containsExactly("sourceId", "at");
        assertThat(CsvInput.text(both)).isEqualTo("sourceId,at\n1,2\n");
        assertThat(CsvInput.readAll(CsvInput.of("\uFEFFa,b\n")).get(0).values()).containsExactly("a", "b");
    }

    @Test
    void latin1IsRefusedNamingTheLineTheByteAndTheWordAroundIt() {
        CsvInput.Refusal refusal = refusal("location,offered\nAmsterdam,3\nCafé Utrecht,4\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(refusal.line()).isEqualTo(3);
        assertThat(refusal.error().key()).isEqualTo("platform.invalid.csv.notUtf8");
        assertThat(refusal.error().args()).containsExactly("0xE9", "Café Utrecht");
        assertThat(refusal.error().message()).contains("Latin-1 or Windows-1252").contains("CSV UTF-8");
        assertThatThrownBy(() -> CsvInput.text("Café".getBytes(StandardCharsets.ISO_8859_1))).isInstanceOf(CsvInput.Refusal.class);
    }

    @Test
    void theLineOfABadByteFarIntoALargeFileIsRightAcrossBufferBoundaries() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8("a,b\r\n"));
        for (int i = 0; i < 30_000; i++) {
            out.writeBytes(utf8("rij " + i + ",é ü ñ 中文\r\n"));
        }
        out.writeBytes("x,Caf".getBytes(StandardCharsets.US_ASCII));
        out.write(0xE9);
        out.writeBytes(utf8("\r\n"));
        assertThat(refusal(out.toByteArray()).line()).isEqualTo(30_002);
    }

    @Test
    void aTruncatedCharacterAtTheEndIsRefused() {
        byte[] text = {'a', '\n', (byte) 0xC3};
        assertThat(refusal(text).line()).isEqualTo(2);
    }

    @Test
    void brokenQuotesAreRefusedNamingTheLineTheRowStartsOn() {
        CsvInput.Refusal afterQuote = refusal(utf8("\"sourceId\"x,touchpoint\n1,2\n"));
        assertThat(afterQuote.line()).isEqualTo(1);
        assertThat(afterQuote.error().key()).isEqualTo("platform.invalid.csv.quote");
        CsvInput.Refusal unclosed = refusal(utf8("a,b\n1,2\n3,\"four\n5,6\n"));
        assertThat(unclosed.line()).isEqualTo(3);
        assertThat(unclosed.error().key()).isEqualTo("platform.invalid.csv.unclosedQuote");
    }

    @Test
    void aHeaderNamesEachColumnOnce() {
        CsvInput.Line header = new CsvInput.Line(1, List.of("sourceId", "at", " AT "));
        assertThat(CsvInput.Header.of(header, false).indexOf("AT")).contains(2);
        assertThatThrownBy(() -> CsvInput.Header.of(header, true)).isInstanceOfSatisfying(CsvInput.Refusal.class,
                e -> assertThat(e.error().args()).containsExactly("AT", "2", "3"));
        CsvInput.Header plain = CsvInput.Header.of(new CsvInput.Line(1, List.of("sourceId", "at", "weekday", "")), true);
        assertThat(plain.unknown(List.of("sourceid", "AT"))).containsExactly("weekday");
        assertThat(plain.misfit(new CsvInput.Line(2, List.of("1", "2", "3", "")))).isEmpty();
        assertThat(plain.misfit(new CsvInput.Line(2, List.of("1", "2", "3")))).get()
                .satisfies(e -> assertThat(e.args()).containsExactly("3", "4"));
    }

    @Test
    void readsFromAStreamThatGivesOneByteAtATime() {
        byte[] bytes = utf8("\uFEFFnaam,plaats\nZoë,Zürich\n");
        InputStream trickle = new InputStream() {
            int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[at++];
                return 1;
            }
        };
        List<CsvInput.Line> lines = CsvInput.readAll(CsvInput.utf8(trickle));
        assertThat(lines.get(0).values()).containsExactly("naam", "plaats");
        assertThat(lines.get(1).values()).containsExactly("Zoë", "Zürich");
    }
}
