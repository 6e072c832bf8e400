package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.buitenin.platform.CheckedPerItem;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.StorableText;

/** Text every database can store: no NUL, no lone surrogate, found anywhere in a request body and named by its path. */
class StorableTextTest {

    record Item(String sourceId, Map<String, List<String>> answers) {
    }

    record Batch(String note, List<Item> checkedHere, @CheckedPerItem List<Item> checkedPerItem) {
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedAndRealCharactersAreNot() {
        assertThat(StorableText.unstorableAt("Café 😀 ok")).isEqualTo(-1);
        assertThat(StorableText.unstorableAt("a\u0000b")).isEqualTo(1);
        assertThat(StorableText.unstorableAt("ab\ud800")).isEqualTo(2);
        assertThat(StorableText.unstorableAt("\udc00ab")).isZero();
        assertThat(StorableText.unstorableAt(null)).isEqualTo(-1);
        assertThat(StorableText.check("text", "Klacht\u0000")).get().extracting(FieldError::field).isEqualTo("text");
    }

    @Test
    void everyTextInABodyIsNamedByItsPathExceptItemsCheckedOneByOne() {
        Batch batch = new Batch("ok\u0000", List.of(new Item("a", Map.of("beter", List.of("fine", "bad\u0000")))),
                List.of(new Item("b\u0000", Map.of())));
        assertThat(StorableText.scan("", batch)).extracting(FieldError::field)
                .containsExactly("note", "checkedHere[0].answers.beter[1]");
        assertThat(StorableText.scan("", batch.checkedPerItem().get(0))).extracting(FieldError::field).containsExactly("sourceId");
        assertThat(StorableText.scan("", Map.of("key\u0000", "v"))).extracting(FieldError::field).containsExactly("key\u0000");
    }
}
