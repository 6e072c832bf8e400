package nl.buitenin;

import java.util.List;

import nl.buitenin.contact.cli.SimulatePolicyCommand;
import nl.buitenin.demand.cli.ForecastCommand;
import nl.buitenin.demand.cli.StaffingCommand;
import nl.buitenin.insight.cli.CalibrateCommand;
import nl.buitenin.insight.cli.CompareCommand;
import nl.buitenin.insight.cli.DemandTypeCommand;
import nl.buitenin.insight.cli.DriversCommand;
import nl.buitenin.insight.cli.EvaluateDemandCommand;
import nl.buitenin.insight.cli.EvaluateSentimentCommand;
import nl.buitenin.insight.cli.EvaluateThemesCommand;
import nl.buitenin.insight.cli.GamingCommand;
import nl.buitenin.insight.cli.ScoreCommand;
import nl.buitenin.insight.cli.SentimentCommand;
import nl.buitenin.insight.cli.ThemesCommand;
import nl.buitenin.journey.cli.ImportInteractionsCommand;
import nl.buitenin.listening.cli.CheckSurveyCommand;
import nl.buitenin.listening.cli.ImportAnswersCommand;
import nl.buitenin.platform.cli.MigrateToPostgres;

/**
 * The command-line tools of the capabilities, each a picocli {@code @Command} class in its module's
 * {@code cli} package. Listed here rather than found by scanning the class path: reading the metadata
 * of every class in the jar took seconds, longer than any tool needs to do its work.
 * {@code CliToolsTest} fails when a command class is missing from this list or lives outside a
 * {@code cli} package. Sorted by class name, the order {@code buitenin --help} shows them in.
 */
final class CliTools {

    private CliTools() {
    }

    static List<Class<?>> all() {
        return List.of(CalibrateCommand.class, CheckSurveyCommand.class, CompareCommand.class, DemandTypeCommand.class, DriversCommand.class, EvaluateDemandCommand.class, EvaluateSentimentCommand.class,
                EvaluateThemesCommand.class, ForecastCommand.class, GamingCommand.class, ImportAnswersCommand.class,
                ImportInteractionsCommand.class, MigrateToPostgres.class, ScoreCommand.class, SentimentCommand.class, SimulatePolicyCommand.class,
                StaffingCommand.class, ThemesCommand.class);
    }
}
