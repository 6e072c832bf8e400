package nl.buitenin.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The helper finds ids, keys and dumps in what a reader sees, and only there. */
class VisibleTextTest {

    private static final String ID = "d0c03475-1b2c-4d5e-8f90-123456789abc";

    @Test
    void takesTheTextAReaderSeesAndLeavesAttributesScriptsAndHiddenElementsOut() {
        String html = "<!DOCTYPE html><html><head><title>Inzagelog</title><style>p { color: red }</style></head><body>"
                + "<a href=\"/cases/" + ID + "\" data-id=\"" + ID + "\">Klacht   over de gids</a><br>"
                + "<script>var key = 'privacy.log.title';</script><template><p>" + ID + "</p></template>"
                + "<div hidden><p>privacy.log.title</p><input value=\"x\"></div><p>Tom &amp; Jerry</p></body></html>";
        assertThat(VisibleText.of(html)).isEqualTo("Inzagelog Klacht over de gids Tom & Jerry");
        assertThat(VisibleText.problems(html)).isEmpty();
    }

    @Test
    void findsIdsMessageKeysMissingTextsAndRecordDumps() {
        String html = "<main><h2>access-log</h2><p>Contactmoment " + ID + "</p><p>Wie: privacy.log.actor.</p>"
                + "<p>??privacy.nothing_nl??</p><li>[GivenAnswer[questionKey=csat, score=5]]</li></main>";
        assertThat(VisibleText.problems(html)).containsExactlyInAnyOrder("id: " + ID, "message key: privacy.log.actor",
                "missing text: ??privacy.nothing_nl??", "record dump: GivenAnswer[questionKey=");
    }

    @Test
    void ordinaryWordsAddressesAndNumbersAreNotKeys() {
        assertThat(VisibleText.problemsInText("Mail naar info@buitenpad.nl of bel 020-1234567; 4,5 op 5 (n = 1.415) — zie www.example.nl."))
                .isEmpty();
    }
}
