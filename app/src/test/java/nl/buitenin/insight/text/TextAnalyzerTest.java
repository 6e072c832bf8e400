package nl.buitenin.insight.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each rule on hand-made sentences; the expected labels and orderings are written by hand. */
class TextAnalyzerTest {

    private final TextAnalyzer analyzer = TextAnalyzer.standard();

    private Sentiment nl(String text) {
        return analyzer.analyze(text, Language.NL).sentiment();
    }

    private Sentiment en(String text) {
        return analyzer.analyze(text, Language.EN).sentiment();
    }

    @Test
    void opinionWordsGiveTheirPolarity() {
        assertThat(nl("Het hotel was schoon en het personeel vriendelijk.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(nl("Het hotel was vies en het personeel onbeleefd.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("The hotel was clean and the staff friendly.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(en("The hotel was dirty and the staff rude.").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void aTextWithoutOpinionIsNeutral() {
        assertThat(nl("Ik heb de reis in maart gedaan.")).isEqualTo(new Sentiment(0, SentimentLabel.NEUTRAL));
        assertThat(en("We walked from Nijmegen to Kleve.")).isEqualTo(new Sentiment(0, SentimentLabel.NEUTRAL));
    }

    @Test
    void negationFlipsTheWordsInItsScope() {
        assertThat(nl("De gids was goed.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(nl("De gids was niet goed.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(nl("Het eten was niet slecht.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(nl("Geen enkel probleem gehad.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(en("The food was not bad.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(en("The guide wasn't helpful.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("We never felt welcome.").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void negationEndsAtAClauseBoundary() {
        // "niet" belongs to "gebeld"; after the comma "vriendelijk" is praise again
        Sentiment negatedInScope = nl("Niet vriendelijk.");
        Sentiment afterComma = nl("Ze belden niet terug, vriendelijk.");
        assertThat(negatedInScope.score()).isNegative();
        assertThat(afterComma.score()).isGreaterThan(negatedInScope.score());
    }

    @Test
    void aNegationWithoutAnOpinionWordIsAComplaint() {
        assertThat(nl("Ik heb geen bevestiging ontvangen.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("Nobody told us about the bus.").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void whatFollowsMaarWeighsMore() {
        assertThat(nl("Mooie reis, maar het hotel was vies.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(nl("Het hotel was vies, maar de reis was mooi.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(nl("Lange wachttijd, maar daarna uitstekend geholpen.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(en("Lovely walk, but the hotel was awful.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("The hotel was awful, but the walk was lovely.").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void intensifiersStrengthenAndDowntonersWeaken() {
        double plain = nl("De lunch was lekker.").score();
        double strong = nl("De lunch was heel lekker.").score();
        double weak = nl("De lunch was een beetje lekker.").score();
        assertThat(strong).isGreaterThan(plain);
        assertThat(weak).isPositive().isLessThan(plain);
        assertThat(nl("Het was erg koud.").score()).isLessThan(nl("Het was koud.").score());
        assertThat(en("The guide was very good.").score()).isGreaterThan(en("The guide was good.").score());
        assertThat(en("The guide was slightly rude.").score()).isGreaterThan(en("The guide was rude.").score()).isNegative();
    }

    @Test
    void teBeforeAnAdjectiveIsAComplaint() {
        assertThat(nl("De etappes waren te lang.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(nl("Te veel asfalt.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("The stages were too long.").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void aWishAboutThePastOrIronyTurnsPraise() {
        assertThat(nl("Een berichtje vooraf was fijn geweest.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(nl("Fijn hoor, drie kwartier in de wacht.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("A warning would have been nice.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("I would recommend this trip, it was great.").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void emojiCountAsWords() {
        assertThat(nl("De reis 😊").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(nl("De reis 👍").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(nl("De reis 😡").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("Another cheese sandwich 🙄").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(nl("Blaren na vier dagen 😂")).isEqualTo(new Sentiment(0, SentimentLabel.NEUTRAL));
        assertThat(nl("Mooie route ❤️").score()).isGreaterThan(nl("Mooie route").score());
    }

    @Test
    void exclamationMarksStrengthenTheirSentence() {
        assertThat(nl("Goed!!").score()).isGreaterThan(nl("Goed.").score());
        assertThat(nl("Slecht!").score()).isLessThan(nl("Slecht.").score());
    }

    @Test
    void dutchCompoundsAreReadByTheirTail() {
        assertThat(nl("De medewerker was klantonvriendelijk.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(nl("Superfijne week.").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void aWordIsSplitOnlyWhereTheDictionaryKnowsItsParts() {
        // the blind adjective tail read "gelopen" as "lopen" and "Utrecht" as "recht"
        assertThat(nl("Ik heb in mei gelopen.")).isEqualTo(new Sentiment(0, SentimentLabel.NEUTRAL));
        assertThat(nl("We vertrokken uit Utrecht.")).isEqualTo(new Sentiment(0, SentimentLabel.NEUTRAL));
        assertThat(nl("Een personeelsonvriendelijke werkgever.").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void withoutSomethingIsNoComplaintByItself() {
        assertThat(nl("Ik kon mijn reis verzetten, zonder kosten. Top!").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(en("I called to cancel and it was handled without any fuss.").score()).isGreaterThanOrEqualTo(0);
        assertThat(nl("Zonder problemen.").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void aDegreeWordThatTheLexiconsScoreNegativeSaysHowMuchNotWhat() {
        assertThat(nl("De gids wist ontzettend veel over de omgeving.").score()).isGreaterThanOrEqualTo(0);
        assertThat(nl("Erg!").label()).isEqualTo(SentimentLabel.NEGATIVE);
        // a chain of degree words reaches the word it grades
        assertThat(nl("Echt heel erg lang moeten wachten.").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void expressionsMeanWhatTheirWordsTogetherMean() {
        assertThat(nl("De tweede dag viel erg tegen.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(nl("Het viel niet tegen.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(nl("Het weer viel reuze mee.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(nl("Het boekingsformulier liep vast bij de betaalpagina.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(nl("Ik vond de prijs wel aan de hoge kant.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(nl("Volgend jaar gaan we zeker weer mee.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(nl("Er werd echt gewacht op iedereen.").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(nl("nvt, geen opmerkingen")).isEqualTo(new Sentiment(0, SentimentLabel.NEUTRAL));
        assertThat(en("Nice week but the price is on the high side.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("For a comfort trip the hotels were below par.").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(en("Sore feet, but we would do it again.").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void eachSentenceHasItsOwnSentimentAndPlace() {
        String text = "De gids was geweldig. Het hotel was vies!";
        TextAnalysis analysis = analyzer.analyze(text);
        assertThat(analysis.sentences()).hasSize(2);
        SentenceSentiment first = analysis.sentences().get(0);
        SentenceSentiment second = analysis.sentences().get(1);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("De gids was geweldig.");
        assertThat(text.substring(second.start(), second.end())).isEqualTo("Het hotel was vies!");
        assertThat(first.sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(second.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void aLineBreakEndsASentence() {
        String text = "Prima gids\r\nSlecht hotel";
        TextAnalysis analysis = analyzer.analyze(text, Language.NL);
        assertThat(analysis.sentences()).hasSize(2);
        assertThat(text.substring(analysis.sentences().get(0).start(), analysis.sentences().get(0).end()))
                .isEqualTo("Prima gids");
        assertThat(text.substring(analysis.sentences().get(1).start(), analysis.sentences().get(1).end()))
                .isEqualTo("Slecht hotel");
    }

    @Test
    void scoresStayWithinMinusOneAndOne() {
        String praise = "Geweldig fantastisch prachtig uitstekend perfect! ".repeat(40);
        assertThat(nl(praise).score()).isLessThanOrEqualTo(1).isGreaterThan(0.9);
        assertThat(nl("").label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void theLanguageIsGuessedFromFunctionWords() {
        assertThat(analyzer.language("Het was een mooie reis en de gids wist er veel van.")).isEqualTo(Language.NL);
        assertThat(analyzer.language("The walk was lovely and the guide knew a lot about it.")).isEqualTo(Language.EN);
        assertThat(analyzer.language("Ik heb geen bevestiging ontvangen")).isEqualTo(Language.NL);
        assertThat(analyzer.language("I haven't received my confirmation")).isEqualTo(Language.EN);
        assertThat(analyzer.analyze("Thanks, the hotel was great").language()).isEqualTo(Language.EN);
        // nothing tells: the organisation's language
        assertThat(analyzer.language("Top!")).isEqualTo(Language.NL);
        assertThat(analyzer.language("")).isEqualTo(Language.NL);
    }

    @Test
    void termsAreStemmedWithoutStopWords() {
        assertThat(analyzer.terms("De wachttijden waren lang", Language.NL)).containsExactly("wachttijd", "lang");
        assertThat(analyzer.terms("The guides are walking", Language.EN)).containsExactly("guid", "walk");
    }

    @Test
    void languageCodesAreRead() {
        assertThat(Language.of("NL")).contains(Language.NL);
        assertThat(Language.of(" en ")).contains(Language.EN);
        assertThat(Language.of("fr")).isEmpty();
    }
}
