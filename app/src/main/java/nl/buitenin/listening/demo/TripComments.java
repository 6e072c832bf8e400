package nl.buitenin.listening.demo;

import java.util.List;
import java.util.Random;

/**
 * What walkers write after a trip, in their own words, by what it is about: hand-written sentences (Dutch, and some
 * English for the one in ten who answers in English), never a theme. Which theme a comment carries is for text
 * insight to find, as with any answer; these lists only decide what a walker says.
 */
final class TripComments {

    private TripComments() {
    }

    /** What a comment is about. */
    enum Kind { TOO_FAST, TOO_SLOW, STAY, GUIDE, FOOD, ROUTE, BOOKING, PRAISE }

    static final List<String> TOO_FAST = List.of(
            "Iedereen liep zo snel dat ik het niet bijhield.",
            "Ze liepen zo snel dat ik het niet bijhield, ik kwam steeds als laatste aan.",
            "Ik wilde van het uitzicht genieten, maar de groep liep maar door.",
            "Het tempo lag veel te hoog voor mij, ik liep de hele dag achteraan.",
            "Ik liep steeds achteraan en kreeg geen tijd om even op adem te komen.",
            "Veel te weinig pauzes, het tempo van de groep was voor mij te hoog.",
            "De groep ging zo hard dat ik niets van het uitzicht heb gezien.",
            "Ik had gehoopt op een rustig tempo, maar het was eerder een wedstrijd.",
            "Het tempo was te hoog, ik heb geen foto's kunnen maken.",
            "Bij elke helling liep ik achteraan en moest de groep op mij wachten, dat voelde vervelend.",
            "Voor mij ging het te snel, ik ben geen sportwandelaar.",
            "Mijn man en ik liepen steeds achteraan, het tempo lag te hoog voor ons.",
            "Jammer dat het tempo zo hoog lag, ik wilde juist genieten van de natuur.",
            "De snelle lopers bepaalden het tempo, de rest moest maar volgen.",
            "Er was geen tijd om even stil te staan bij het uitzicht, het tempo lag te hoog.",
            "Ik kwam bij de pauzeplek aan terwijl de rest alweer vertrok.",
            "Te snel tempo, te weinig pauzes. Ik was elke avond kapot.",
            "Het was meer hardlopen dan wandelen, het tempo van de groep lag veel te hoog.",
            "Op de tweede dag liep ik zo ver achter dat ik de groep uit het oog verloor.",
            "Graag een rustiger groep voor wie wil genieten in plaats van presteren.",
            "Ik ben 72 en kon het tempo van de groep niet bijhouden.",
            "Het tempo was niet te doen voor wie niet elke week wandelt.",
            "Prachtige omgeving, maar ik heb er weinig van gezien omdat we zo snel liepen.",
            "De pauzes waren te kort, ik had nauwelijks tijd om mijn brood op te eten.",
            "Ik voelde me de hele reis de langzaamste van de groep, dat was niet leuk.",
            "Het tempo lag te hoog; een snelle en een langzame groep zou beter zijn.",
            "Ik wilde vogels kijken, maar de groep liep in een te hoog tempo door.",
            "Elke ochtend zetten de voorste lopers er meteen flink de pas in, ik hield het niet bij.",
            "Het tempo was te hoog voor de oudere wandelaars in de groep.",
            "Ik heb vooral naar de rug van de anderen gekeken in plaats van naar het landschap.",
            "We liepen te snel om nog van het uitzicht te genieten.",
            "The group walked so fast that I could not keep up.",
            "I wanted to enjoy the view, but the pace of the group was far too high.",
            "Too few breaks and the pace was too fast for me, I was always at the back.",
            "The pace was set by the fastest walkers; I felt rushed the whole week.");

    static final List<String> TOO_SLOW = List.of(
            "Iedereen liep zo langzaam, ik stond steeds te wachten.",
            "Het tempo van de groep lag voor mij te laag, er werd voortdurend op iedereen gewacht.",
            "Er werd op iedereen gewacht, daardoor kwamen we pas laat in het hotel aan.",
            "Te veel pauzes en een te langzaam tempo; ik wil echt doorlopen.",
            "Ik had meer kilometers verwacht, de groep liep erg langzaam.",
            "Het tempo lag te laag, ik heb me af en toe verveeld.",
            "We stonden vaker stil dan dat we liepen.",
            "Voor geoefende wandelaars is het tempo van de groep veel te laag.",
            "Het tempo was zo laag dat ik het koud kreeg van het wachten.",
            "Ik liep steeds voorop en moest dan weer op de anderen wachten.",
            "De groep was te langzaam; een snelle en een langzame groep zou fijner zijn.",
            "Elke heuvel betekende tien minuten wachten op de laatsten.",
            "Het tempo van de groep lag voor mij te laag, ik zoek een stevigere tocht.",
            "Erg rustig tempo, ik had graag wat sneller gelopen.",
            "Veel te veel pauzes, we kwamen nauwelijks vooruit.",
            "Ik loop graag stevig door, dat zat er met deze groep niet in.",
            "Mijn vrouw en ik hadden een sportievere groep verwacht, het tempo lag te laag.",
            "The group walked so slowly that I spent half the day waiting.",
            "The pace of the group was too slow for me, too many breaks.",
            "I expected a brisk walk, but we kept waiting for everyone.");

    static final List<String> STAY = List.of(
            "De accommodatie was gehorig en het bed was slecht.",
            "De kamer in het tweede hotel rook muf.",
            "Het hotel in Valkenburg was gedateerd, de douche werd niet warm.",
            "Schimmel in de badkamer van het eerste hotel, dat kan echt niet.",
            "De kamer was klein en keek uit op een parkeerplaats.",
            "Slecht geslapen door lawaai van de straat, de kamer was gehorig.",
            "Het matras was doorgelegen, ik had de hele dag rugpijn.",
            "De kamer was niet schoongemaakt toen we aankwamen.",
            "De accommodatie lag ver van het centrum en er was geen lift.",
            "Het pension was vochtig en de verwarming deed het niet.",
            "De kamers van het derde hotel waren erg gehorig.",
            "Het ontbijt in het hotel was karig en om half negen al op.",
            "De kamer had geen raam dat open kon, erg benauwd.",
            "Het hotel rekende extra voor handdoeken, dat stond nergens.",
            "Een van de hotels was echt onder de maat: vies en rumoerig.",
            "De badkamer was vies en de wc spoelde niet goed door.",
            "Wifi in het hotel werkte niet en de kamer was koud.",
            "De accommodaties wisselden sterk in kwaliteit, de laatste was slecht.",
            "Het bed in de herberg was te kort en kraakte bij elke beweging.",
            "Ons hotel lag naast een drukke weg, we hebben slecht geslapen.",
            "De kamer rook naar rook, terwijl het een rookvrij hotel zou zijn.",
            "Het hotel had geen plek om natte schoenen te drogen.",
            "De kamer was te warm en de airco maakte veel lawaai.",
            "In het tweede hotel was de kamer niet klaar toen we aankwamen.",
            "De accommodatie was erg eenvoudig voor de prijs die we betaalden.",
            "Geen warm water in de douche na een lange wandeldag, erg jammer.",
            "The second hotel was noisy and the room smelled damp.",
            "The bed was uncomfortable and the room was not clean.",
            "The accommodation was far below what the brochure promised.");

    static final List<String> GUIDE = List.of(
            "De gids wist weinig van de streek te vertellen.",
            "De gids was vaak met zijn telefoon bezig in plaats van met de groep.",
            "Onze gids kwam ongeïnteresseerd over.",
            "De gids gaf weinig uitleg over de route van de volgende dag.",
            "De gids had duidelijk geen zin, dat was jammer.",
            "De gids sprak alleen met een paar vaste deelnemers.",
            "Ik miste uitleg van de gids over de planten en dieren onderweg.",
            "De gids was niet altijd duidelijk over waar we zouden stoppen.",
            "Onze gids kende de route zelf niet goed, we liepen twee keer verkeerd.",
            "De gids reageerde kortaf op vragen.",
            "De gids was vriendelijk, maar vertelde bijna niets over de geschiedenis.",
            "De gids hield geen rekening met wie last had van zijn knie.",
            "Twee verschillende gidsen in één week, dat gaf onrust.",
            "Our guide did not seem interested in the group.",
            "The guide hardly explained anything about the area.");

    static final List<String> FOOD = List.of(
            "Het lunchpakket was elke dag hetzelfde: twee boterhammen met kaas.",
            "Het diner in het tweede hotel was koud.",
            "Voor vegetariërs was er weinig keus bij het diner.",
            "De lunch onderweg was karig voor een dag van twintig kilometer.",
            "Ik had een glutenvrij dieet doorgegeven, maar daar was niets mee gedaan.",
            "Het eten was eentonig, drie avonden aardappelen met groente.",
            "We moesten heel lang wachten op het avondeten.",
            "Het diner was duur en niet bijzonder.",
            "Er was te weinig water onderweg, en nergens iets te koop.",
            "De maaltijden waren matig voor de prijs.",
            "Het ontbijt was pas om half negen, te laat voor een lange etappe.",
            "The packed lunch was poor and the same every day.",
            "Dinner options for vegetarians were very limited.");

    static final List<String> ROUTE = List.of(
            "De routebeschrijving van dag 3 klopte niet met de bordjes.",
            "De dagetappes waren langer dan in de brochure stond.",
            "We zijn twee keer verkeerd gelopen bij een splitsing.",
            "Een deel van het pad bestond niet meer, we moesten omlopen.",
            "De afstanden in de beschrijving klopten niet.",
            "Veel stukken langs de verharde weg, dat had ik niet verwacht.",
            "De route-app viel steeds uit in het bos.",
            "Het laatste stuk van de derde dag ging over een drukke weg.",
            "De kaartjes waren onduidelijk en te klein.",
            "Een modderig stuk waar je niet doorheen kon, geen alternatief aangegeven.",
            "De route van dag 2 was saai, vooral akkers.",
            "De hoogtemeters waren veel meer dan beschreven.",
            "The route description did not match the signs on day three.",
            "The stages were much longer than the brochure said.");

    static final List<String> BOOKING = List.of(
            "De bevestiging van de boeking was onduidelijk; ik wist niet of het gelukt was.",
            "Uit de boekingsbevestiging werd niet duidelijk waar we de eerste dag moesten zijn.",
            "Ik kreeg twee bevestigingen met verschillende vertrekdata.",
            "De informatie vooraf kwam pas drie dagen voor vertrek.",
            "In de bevestiging stond 'onder voorbehoud', ik wist niet of de reis doorging.",
            "De paklijst vooraf was niet compleet, ik miste regenkleding.",
            "Ik heb de bevestigingsmail nooit ontvangen en moest zelf bellen.",
            "Het was niet duidelijk hoe we bij het startpunt moesten komen.",
            "De reisinformatie vooraf was erg summier.",
            "De factuur klopte niet met wat ik had geboekt.",
            "The booking confirmation was confusing and arrived late.",
            "The information before the trip came far too late.");

    static final List<String> PRAISE = List.of(
            "Prachtige route en alles was goed geregeld.",
            "Geweldige reis, we komen zeker terug.",
            "Heerlijk gewandeld, mooie natuur en gezellige groep.",
            "Alles liep op rolletjes, dank u wel.",
            "Wat een mooie tocht door de heuvels, echt genoten.",
            "Fijne groep en een gids die veel wist van de natuur.",
            "De gids vertelde prachtige verhalen over de streek.",
            "Een goed georganiseerde reis, niets op aan te merken.",
            "Mooi landschap, goed weer, fijne mensen.",
            "Precies wat ik zocht: rust en natuur.",
            "De route was gevarieerd en goed aangegeven.",
            "Heel gezellig en goed verzorgd.",
            "Ik heb genoten van elke dag.",
            "Dank aan de gids, die had oog voor iedereen.",
            "Eindelijk een groep waarin ik kon genieten van het uitzicht.",
            "Het tempo paste goed bij mij, en er was tijd voor een kop koffie onderweg.",
            "Bagage stond elke dag keurig klaar, heel prettig.",
            "De lunchpakketten waren verrassend lekker.",
            "Lekker doorgelopen met een sportieve groep, precies goed.",
            "Een mooie mix van bos, heide en kleine dorpjes.",
            "Voor herhaling vatbaar.",
            "We hebben veel gezien en veel gelachen.",
            "Alles was tot in de puntjes verzorgd.",
            "Een aanrader voor iedereen die graag wandelt.",
            "De gids paste het programma aan het weer aan, heel fijn.",
            "Goed geregeld van begin tot eind.",
            "Mooie vergezichten en rustige paden.",
            "Ik ben een paar dagen helemaal tot rust gekomen.",
            "Great trip, beautiful scenery and a lovely group.",
            "Everything was well organised, thank you.",
            "Our guide was wonderful and knew every bird by name.");

    static List<String> of(Kind kind, boolean english) {
        List<String> all = switch (kind) {
            case TOO_FAST -> TOO_FAST;
            case TOO_SLOW -> TOO_SLOW;
            case STAY -> STAY;
            case GUIDE -> GUIDE;
            case FOOD -> FOOD;
            case ROUTE -> ROUTE;
            case BOOKING -> BOOKING;
            case PRAISE -> PRAISE;
        };
        // The English ones are the last few of each list (starting with a capital "The", "I", "Too", "Our", ...):
        // split by a plain check on the language rather than a second list per kind.
        List<String> matching = all.stream().filter(s -> english == isEnglish(s)).toList();
        return matching.isEmpty() ? all : matching;
    }

    static String pick(Kind kind, boolean english, Random random) {
        List<String> bank = of(kind, english);
        return bank.get(random.nextInt(bank.size()));
    }

    /** English sentences in these lists start with one of a few English words no Dutch sentence here starts with. */
    static boolean isEnglish(String sentence) {
        return sentence.matches("^(The|I|Too|Our|Great|Everything|Dinner) .*");
    }
}
