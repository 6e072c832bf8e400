package nl.buitenin.insight.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThemeModelTest {

    private static final ThemeTaxonomy TAXONOMY = new ThemeTaxonomy(List.of(
            new ThemeTaxonomy.Theme("bagagevervoer", List.of("koffer stond niet in het hotel",
                    "bagage altijd keurig op tijd", "koffer kapot aangekomen", "bagage moest om half acht klaarstaan",
                    "luggage transport")),
            new ThemeTaxonomy.Theme("boekingsbevestiging", List.of("bevestiging nooit ontvangen", "wat betekent optie B")),
            new ThemeTaxonomy.Theme("wachttijd telefoon", List.of("drie kwartier in de wacht", "niemand nam op",
                    "niet teruggebeld", "waiting time on the phone")),
            new ThemeTaxonomy.Theme("gids", List.of("de gids wist veel van de streek", "gids was onvriendelijk",
                    "guide")),
            new ThemeTaxonomy.Theme("klantenservice", List.of("medewerker was behulpzaam", "onbeleefde medewerker")),
            new ThemeTaxonomy.Theme("kwaliteit accommodatie", List.of("de kamer rook muf", "schoon en rustig hotel",
                    "heerlijk ontbijt", "quality of accommodation"))));

    private final TextAnalyzer analyzer = TextAnalyzer.standard();

    @Test
    void examplesAloneSuggestTheThemeOfADutchAndAnEnglishText() {
        ThemeModel model = ThemeModel.train(TAXONOMY);
        assertThat(model.suggest("Mijn koffer was twee dagen zoek.")).first()
                .extracting(ThemeSuggestion::theme).isEqualTo("bagagevervoer");
        assertThat(model.suggest("Our guide knew every bird and plant.")).first()
                .extracting(ThemeSuggestion::theme).isEqualTo("gids");
        assertThat(model.suggest("The luggage was always at the hotel before us.")).first()
                .extracting(ThemeSuggestion::theme).isEqualTo("bagagevervoer");
    }

    @Test
    void aTextOnNoThemeGetsNoSuggestion() {
        ThemeModel model = ThemeModel.train(TAXONOMY);
        assertThat(model.suggest("Prachtig weer en mooie vergezichten.")).isEmpty();
        assertThat(model.suggest("")).isEmpty();
    }

    @Test
    void confidencesCoverEveryThemeMostConfidentFirstWithin0And1() {
        List<ThemeSuggestion> all = ThemeModel.train(TAXONOMY).confidences("De gids was onvriendelijk tegen ons.");
        assertThat(all).extracting(ThemeSuggestion::theme).containsExactlyInAnyOrderElementsOf(TAXONOMY.names());
        assertThat(all).isSortedAccordingTo((x, y) -> Double.compare(y.confidence(), x.confidence()));
        assertThat(all).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
        assertThat(all.get(0).theme()).isEqualTo("gids");
    }

    @Test
    void partsOfADutchCompoundMatchExamplesOfTheirOwn() {
        ThemeModel model = ThemeModel.train(TAXONOMY);
        // "wachttijden" holds "wacht" ("in de wacht"), "klantenservicemedewerker" holds "medewerker"
        assertThat(model.suggest("Belachelijke wachttijden, echt.")).extracting(ThemeSuggestion::theme)
                .containsExactly("wachttijd telefoon");
        assertThat(model.suggest("De klantenservicemedewerker hielp me snel.")).extracting(ThemeSuggestion::theme)
                .containsExactly("klantenservice");
    }

    @Test
    void aWordInsideAnotherIsNoCompoundPart() {
        // "prachtig" holds "acht" ("half acht"), but not as a part at its start or end
        assertThat(ThemeModel.train(TAXONOMY).confidences("Prachtig!")).allSatisfy(s -> assertThat(s.confidence()).isZero());
    }

    @Test
    void aShortExamplePhraseCountsInDutchEvenWhenItLooksEnglish() {
        // "bevestiging nooit ontvangen" is guessed English on its own; the text is Dutch
        assertThat(ThemeModel.train(TAXONOMY).suggest("Ik heb de bevestiging niet ontvangen.")).first()
                .extracting(ThemeSuggestion::theme).isEqualTo("boekingsbevestiging");
    }

    @Test
    void acceptedTagsTeachAThemeWordsItsExamplesLack() {
        String text = "De douche lekte en de wc spoelde niet door.";
        ThemeModel examples = ThemeModel.train(TAXONOMY);
        assertThat(examples.suggest(text)).isEmpty();
        List<ThemeTag> tags = List.of(
                new ThemeTag("Geen warm water in de douche.", "kwaliteit accommodatie", true),
                new ThemeTag("De wc was vies en de douche kapot.", "kwaliteit accommodatie", true),
                new ThemeTag("Douche en wc op de gang, niet fijn.", "kwaliteit accommodatie", true),
                new ThemeTag("De gids stond ons op te wachten.", "gids", true));
        ThemeModel tagged = ThemeModel.train(TAXONOMY, tags, analyzer);
        assertThat(tagged.suggest(text)).extracting(ThemeSuggestion::theme).containsExactly("kwaliteit accommodatie");
        assertThat(confidence(tagged, text, "kwaliteit accommodatie"))
                .isGreaterThan(confidence(examples, text, "kwaliteit accommodatie"));
    }

    @Test
    void rejectedTagsLowerTheConfidenceOfThatTheme() {
        String text = "De gids belde het hotel om de bagage te laten ophalen.";
        List<ThemeTag> rejected = List.of(
                new ThemeTag("De gids belde de taxi.", "gids", false),
                new ThemeTag("De gids belde het hotel.", "gids", false),
                new ThemeTag("Iemand van het hotel belde de gids.", "gids", false),
                new ThemeTag("De gids wist alles van de vogels.", "gids", true));
        double before = confidence(ThemeModel.train(TAXONOMY), text, "gids");
        double after = confidence(ThemeModel.train(TAXONOMY, rejected, analyzer), text, "gids");
        assertThat(after).isLessThan(before);
    }

    /**
     * A text rejected for one theme is a training text of that theme alone: the other themes' models never saw its
     * words, so they have no evidence for it and must not suggest it from their prior (about one half).
     */
    @Test
    void aTextRejectedForOneThemeGetsNoOtherThemeFromWordsOnlyThatRejectionTaught() {
        String text = "De fietsen waren versleten en de remmen piepten.";
        ThemeModel model = ThemeModel.train(TAXONOMY, List.of(new ThemeTag(text, "bagagevervoer", false)), analyzer);
        assertThat(model.suggest(text)).isEmpty();
        assertThat(model.confidences(text)).filteredOn(s -> !s.theme().equals("bagagevervoer"))
                .allSatisfy(s -> assertThat(s.confidence()).isZero());
    }

    /** One rejection among many training texts only moves the model; for the very same words the verdict holds. */
    @Test
    void theSameWordsAsATaggedTextGetTheAnalystsVerdict() {
        String text = "Mijn koffer was twee dagen zoek.";
        assertThat(ThemeModel.train(TAXONOMY).suggest(text)).extracting(ThemeSuggestion::theme).contains("bagagevervoer");
        ThemeModel learnt = ThemeModel.train(TAXONOMY, List.of(new ThemeTag(text, "bagagevervoer", false),
                new ThemeTag(text, "klantenservice", true)), analyzer);
        String sameWords = "Twee dagen was mijn koffer zoek!";
        assertThat(confidence(learnt, sameWords, "bagagevervoer")).isZero();
        assertThat(confidence(learnt, sameWords, "klantenservice")).isEqualTo(1.0);
        assertThat(learnt.suggest(sameWords)).extracting(ThemeSuggestion::theme).containsExactly("klantenservice");
    }

    @Test
    void aTagOnAThemeOutsideTheTaxonomyIsRefused() {
        assertThatThrownBy(() -> ThemeModel.train(TAXONOMY, List.of(new ThemeTag("x", "parkeren", true)), analyzer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parkeren");
    }

    @Test
    void theThresholdDecidesWhatIsSuggested() {
        ThemeModel model = ThemeModel.train(TAXONOMY);
        String text = "Mijn koffer was zoek en de gids was onvriendelijk.";
        assertThat(model.withThreshold(0).suggest(text)).hasSize(TAXONOMY.themes().size());
        assertThat(model.withThreshold(1).suggest(text)).isEmpty();
        assertThat(model.threshold()).isEqualTo(ThemeModel.EXAMPLES_THRESHOLD);
        assertThatThrownBy(() -> model.withThreshold(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLanguageGivenGivesTheSameAsTheLanguageGuessed() {
        ThemeModel model = ThemeModel.train(TAXONOMY);
        String text = "De kamer rook muf en het ontbijt was karig.";
        assertThat(model.suggest(text, analyzer.language(text))).isEqualTo(model.suggest(text));
    }

    private static double confidence(ThemeModel model, String text, String theme) {
        return model.confidences(text).stream().filter(s -> s.theme().equals(theme)).findFirst().orElseThrow()
                .confidence();
    }
}
