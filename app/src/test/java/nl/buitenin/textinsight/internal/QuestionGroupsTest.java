package nl.buitenin.textinsight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.buitenin.insight.text.DemandClassifier;
import nl.buitenin.textinsight.internal.QuestionGroups.Asked;
import nl.buitenin.textinsight.internal.QuestionGroups.Group;

/** Reasons about the same matter form one repeated question; the way a question is put ("waar blijft") does not. */
class QuestionGroupsTest {

    private final QuestionGroups groups = new QuestionGroups(DemandClassifier.standard());

    @Test
    void reasonsAboutTheSameMatterFormOneQuestionWhateverTheirWording() {
        List<Group> found = groups.group(asked(
                "p1", "Waar blijft mijn boekingsbevestiging?",
                "p2", "Waar blijft de bevestiging van mijn reis?",
                "p3", "Nog steeds geen bevestiging ontvangen",
                "p4", "Koffer niet aangekomen in het hotel",
                "p5", "Vraagt waar de koffer is",
                "p6", "Waar blijft mijn terugbetaling?",
                "p7", "Terugbetaling nog niet ontvangen",
                "p8", "Where is my refund?",
                "p9", "I still have not received my refund",
                "p10", "Wil een cadeaubon kopen"), 10);

        assertThat(found).extracting(Group::label).containsExactly("bevestiging", "koffer", "refund", "terugbetaling");
        Group confirmation = found.get(0);
        assertThat(confirmation.refs()).as("a compound meets its head; 'waar blijft' alone groups nothing").containsExactly("r0", "r1", "r2");
        assertThat(confirmation.contacts()).isEqualTo(3);
        assertThat(confirmation.people()).isEqualTo(3);
        assertThat(confirmation.examples()).containsExactly("Waar blijft mijn boekingsbevestiging?",
                "Waar blijft de bevestiging van mijn reis?", "Nog steeds geen bevestiging ontvangen");
        assertThat(found).flatExtracting(Group::refs).as("a reason joins one question, a reason alone none").doesNotContain("r9")
                .doesNotHaveDuplicates();
    }

    @Test
    void peopleAreCountedOnceAndExamplesAreFewAndDistinct() {
        List<Group> found = groups.group(asked(
                "p1", "Factuur klopt niet",
                "p1", "Factuur klopt niet",
                "p1", "Mijn factuur is te hoog",
                "p2", "Factuur dubbel betaald",
                "p3", "Vraag over de factuur"), 10);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).label()).isEqualTo("factuur");
        assertThat(found.get(0).contacts()).isEqualTo(5);
        assertThat(found.get(0).people()).isEqualTo(3);
        assertThat(found.get(0).examples()).containsExactly("Factuur klopt niet", "Mijn factuur is te hoog", "Factuur dubbel betaald");
    }

    @Test
    void aQuestionIsNamedByItsOwnWordEvenWhenCompoundsAreMoreFrequent() {
        List<Group> found = groups.group(asked(
                "p1", "Waar blijft mijn boekingsbevestiging?", "p2", "Waar blijft mijn boekingsbevestiging?",
                "p3", "Waar blijft mijn boekingsbevestiging?", "p4", "Nog steeds geen bevestiging"), 10);

        assertThat(found).extracting(Group::label).containsExactly("bevestiging");
        assertThat(groups.group(asked("p1", "Waar blijft mijn boekingsbevestiging?", "p2", "Boekingsbevestiging niet ontvangen"), 10))
                .extracting(Group::label).containsExactly("boekingsbevestiging");
    }

    @Test
    void questionWordsGroupNothing() {
        assertThat(groups.group(asked("p1", "Welk tempo heeft de begeleide reis?", "p2", "Snapt de routebeschrijving niet, welke afslag?",
                "p3", "Which bus do I take?", "p4", "Which meeting point?"), 10)).isEmpty();
    }

    @Test
    void theLargestQuestionsComeFirstUpToTheLimit() {
        List<Group> found = groups.group(asked(
                "p1", "Koffer kwijt", "p2", "Koffer beschadigd", "p3", "Factuur te hoog", "p4", "Factuur niet ontvangen",
                "p5", "Koffer niet aangekomen"), 1);

        assertThat(found).extracting(Group::label).containsExactly("koffer");
        assertThat(groups.group(List.of(), 5)).isEmpty();
    }

    private static List<Asked> asked(String... askerAndReason) {
        List<Asked> asked = new ArrayList<>();
        for (int i = 0; i < askerAndReason.length; i += 2) {
            asked.add(new Asked("r" + i / 2, askerAndReason[i], askerAndReason[i + 1]));
        }
        return asked;
    }
}
