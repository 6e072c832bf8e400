package nl.buitenin.insight.readings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "De medewerker vroeg of ik een 10 wilde geven",
            "Hij vroeg me om een tien te geven, anders kreeg hij problemen",
            "Aan het eind werd gevraagd om een hoge score in de enquête",
            "Ze smeekte om een 10 want haar bonus hangt ervan af",
            "Ik moest een 10 geven van de chauffeur",
            "Mij werd verzocht vijf sterren te geven",
            "The agent asked me to give a 10 in the survey",
            "She asked if I would give them a ten",
            "He begged for a high rating at the end of the call",
            "I was told to give 10/10 or he would get in trouble",
            "They pushed me for top marks in the feedback form"})
    void readsARequestForATopScore(String comment) {
        assertThat(ScoreRequests.mentionsRequest(comment)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Ik geef nooit een 10, die bewaar ik voor een warme douche",
            "Ze vroegen hoe mijn reis was, heel vriendelijk",
            "Een 10 voor de gids!",
            "Hij vroeg niet om een 10, netjes",
            "The agent didn't ask for a score at all",
            "I never give more than an 8",
            "Ten minutes waiting, then they asked my postcode",
            "Nobody asked me for a 10, which I liked"})
    void leavesOtherCommentsAlone(String comment) {
        assertThat(ScoreRequests.mentionsRequest(comment)).isFalse();
    }
}
