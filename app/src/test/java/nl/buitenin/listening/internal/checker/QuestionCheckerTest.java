package nl.buitenin.listening.internal.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class QuestionCheckerTest {

    final QuestionChecker checker = new QuestionChecker();

    @Test
    void praiseInTheQuestionIsLeadingAndTheRewriteLeavesItOut() {
        List<Finding> findings = checker.check(Question.of("Hoe tevreden bent u over onze uitstekende service?", Language.NL));
        assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.LEADING);
        assertThat(findings.get(0).evidence()).isEqualTo("uitstekende");
        assertThat(findings.get(0).rewrite()).isEqualTo("Hoe tevreden bent u over onze service?");
        assertThat(findings.get(0).explanationNl()).contains("uitstekende").contains("stuurt");
        assertThat(findings.get(0).explanationEn()).contains("steers");
    }

    @Test
    void askingForAgreementBecomesABalancedStatement() {
        Finding finding = checker.check(Question.of("Bent u het met ons eens dat de reis goed geregeld was?", Language.NL)).get(0);
        assertThat(finding.code()).isEqualTo(FindingCode.LEADING);
        assertThat(finding.rewrite()).isEqualTo("In hoeverre bent u het eens of oneens met de stelling dat de reis goed geregeld was?");
        assertThat(checker.check(Question.of(finding.rewrite(), Language.NL))).isEmpty();
    }

    @Test
    void twoThingsAtOnceAreSplitIntoTwoQuestions() {
        Finding finding = checker.check(Question.of("Hoe tevreden bent u over de snelheid en vriendelijkheid van onze medewerkers?", Language.NL)).get(0);
        assertThat(finding.code()).isEqualTo(FindingCode.DOUBLE_BARRELLED);
        assertThat(finding.evidence()).isEqualTo("snelheid en vriendelijkheid");
        assertThat(finding.rewrite()).isEqualTo("Hoe tevreden bent u over de snelheid van onze medewerkers? / "
                + "Hoe tevreden bent u over de vriendelijkheid van onze medewerkers?");
        Finding english = checker.check(Question.of("How easy was it to find and book a trip?", Language.EN)).get(0);
        assertThat(english.rewrite()).isEqualTo("How easy was it to find a trip? / How easy was it to book a trip?");
    }

    @Test
    void absolutesAndJargonAreReplacedInTheRewrite() {
        Finding absolute = checker.check(Question.of("Bent u altijd goed geholpen?", Language.NL)).get(0);
        assertThat(absolute.code()).isEqualTo(FindingCode.ABSOLUTE);
        assertThat(absolute.rewrite()).isEqualTo("Bent u goed geholpen?");
        Finding jargon = checker.check(Question.of("How would you rate our omnichannel experience?", Language.EN)).get(0);
        assertThat(jargon.code()).isEqualTo(FindingCode.JARGON);
        assertThat(jargon.rewrite()).isEqualTo("How would you rate our experience with us on all our channels?");
    }

    @Test
    void anUnknownAbbreviationIsJargonButAWellKnownOneIsNot() {
        assertThat(checker.check(Question.of("Hoe tevreden bent u over de KCC?", Language.NL))).extracting(Finding::code)
                .containsExactly(FindingCode.JARGON);
        assertThat(checker.check(Question.of("Kon u de PDF met uw reisschema openen?", Language.NL))).isEmpty();
    }

    @Test
    void aScaleWithMorePositiveThanNegativeChoicesIsUnbalanced() {
        Finding finding = checker.check(new Question("How would you rate the hotel?", List.of("Excellent", "Very good", "Good", "Fair"), Language.EN)).get(0);
        assertThat(finding.code()).isEqualTo(FindingCode.UNBALANCED_SCALE);
        assertThat(finding.evidence()).isEqualTo("3 positive, 1 negative");
        assertThat(finding.rewrite()).isEqualTo("How would you rate the hotel? (Very poor; Poor; Neither good nor poor; Good; Very good)");
        assertThat(checker.check(new Question("Hoe tevreden bent u?",
                List.of("Zeer ontevreden", "Ontevreden", "Niet tevreden, niet ontevreden", "Tevreden", "Zeer tevreden"), Language.NL))).isEmpty();
    }

    @Test
    void theOpenWhatWouldYouLikeUsToDoDifferentlyQuestionIsClean() {
        assertThat(checker.check(Question.of("Wat zou u willen dat wij anders doen?", Language.NL))).isEmpty();
        assertThat(checker.check(Question.of("What would you like us to do differently?", Language.EN))).isEmpty();
    }

    @Test
    void detectsTheLanguageOfAQuestion() {
        assertThat(QuestionChecker.detectLanguage("Hoe tevreden bent u over de reis?")).isEqualTo(Language.NL);
        assertThat(QuestionChecker.detectLanguage("How satisfied were you with the trip?")).isEqualTo(Language.EN);
        assertThat(QuestionChecker.detectLanguage("Wat kunnen we beter doen?")).isEqualTo(Language.NL);
        assertThat(QuestionChecker.detectLanguage("What could we do better?")).isEqualTo(Language.EN);
    }

    @Test
    void aLongQuestionWithoutSpacesIsReportedAsTooLongInsteadOfFailing() {
        String question = "Was/het/tempo/de/gids/de/lunch/de/bagage/de/route/het/weer/de/kaart/de/app/het/hotel/de/prijs/goed?";
        List<Finding> findings = checker.check(Question.of(question, Language.NL));
        assertThat(findings).anySatisfy(finding -> assertThat(finding.code()).isEqualTo(FindingCode.TOO_LONG));
    }
}
