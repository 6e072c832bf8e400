package nl.buitenin;

import java.util.List;

/**
 * The offline command-line tools of the capabilities. A module adds its picocli command class here;
 * the command runs without the Spring context.
 */
final class CliTools {

    static final List<Class<?>> ALL = List.of(
            nl.buitenin.listening.CheckSurveyCommand.class,
            nl.buitenin.contact.SimulatePolicyCommand.class);

    private CliTools() {
    }
}
