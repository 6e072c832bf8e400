package nl.buitenin.privacy;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Choices a person makes about how the organisation sorts them, such as which customer group they want to belong to
 * ("bij welke groep wilt u horen?"), offered on their own page and after the questions of a survey. The module that
 * holds the choices implements it (groups does); privacy and listening ask for it through an {@code ObjectProvider}, so
 * their pages work without such a module and neither depends on it.
 */
public interface OwnChoices {

    /**
     * What the person may choose now, with the names of the groups they are in, in the reader's language; empty when
     * nothing is offered or the purpose does not allow using their data.
     */
    Offer offeredTo(PersonKey person, Locale locale);

    /**
     * Records the person's own choice in a question: {@code option} from now on, or none (they leave) when null.
     *
     * @throws nl.buitenin.platform.InvalidInputException naming the question when it or the option is not offered
     */
    void choose(PersonKey person, String question, @Nullable String option);

    /**
     * @param purpose    the purpose the choices are held for, so the page can say so and link to what it means
     * @param belongsTo  the names of everything the person is in now (also what follows from a rule)
     * @param questions  what they may choose
     */
    record Offer(PurposeId purpose, List<String> belongsTo, List<Question> questions) {

        public Offer {
            belongsTo = List.copyOf(belongsTo);
            questions = List.copyOf(questions);
        }

        public boolean isEmpty() {
            return questions.isEmpty() && belongsTo.isEmpty();
        }
    }

    /**
     * One choice: the person takes one of the options or none.
     *
     * @param key     the question's key in a form (not shown)
     * @param textKey the message key of the question's text ("bij welke groep wilt u horen?"), with an informal twin
     * @param current the key of the option chosen now, null when none
     */
    record Question(String key, String textKey, List<Option> options, @Nullable String current) {

        public Question {
            options = List.copyOf(options);
        }
    }

    /** One option, its name and description in the reader's language; the key goes in a form, never on the page. */
    record Option(String key, String name, String description) {
    }
}
