package nl.buitenin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The command line of the single Buitenin jar. {@code serve} and {@code demo} start the server and
 * keep running; the other commands are offline tools that run without starting Spring, so that a
 * CSV can be scored or a staffing question answered in a second.
 */
@Command(name = "buitenin", mixinStandardHelpOptions = true, version = "Buitenin 0.1",
        description = "Buitenin: listen, improve, report back and staff your service.",
        subcommands = {Cli.Serve.class, Cli.Demo.class})
public final class Cli implements Callable<Integer> {

    public static int run(String[] args) {
        if (args.length == 0) {
            args = new String[] {"serve"};
        }
        CommandLine commandLine = new CommandLine(new Cli());
        toolsFor(args[0]).forEach(commandLine::addSubcommand);
        return commandLine.execute(args);
    }

    /**
     * The tools a command line needs: the one it names, none for the server and the version, and all of
     * them otherwise (the list in {@code --help}, the suggestions after a mistyped name). Picocli builds a
     * tool's model by reflection as it is registered; registering only the tool that runs saves that work
     * for the others.
     */
    static List<Class<?>> toolsFor(String first) {
        if (List.of("serve", "demo", "--version", "-V").contains(first)) {
            return List.of();
        }
        List<Class<?>> all = CliTools.all();
        return all.stream().filter(tool -> names(tool).contains(first)).<List<Class<?>>>map(List::of).findFirst().orElse(all);
    }

    private static List<String> names(Class<?> tool) {
        Command command = tool.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Exit code meaning: the server was started and the process must stay alive. */
    static final class ServerStarted {
        static final int CODE = Integer.MIN_VALUE;

        private ServerStarted() {
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the Buitenin server (the default command).")
    static class Serve implements Callable<Integer> {
        /** Anything else is handed to Spring Boot, such as --server.port=8081. */
        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            BuiteninApplication.start(springArgs.toArray(String[]::new), false);
            return ServerStarted.CODE;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "Start the server and load the demo organisation (Buitenpad Wandelreizen) into an empty database.")
    static class Demo implements Callable<Integer> {
        @Option(names = "--people", defaultValue = "2000", description = "Number of people in the demo organisation (default ${DEFAULT-VALUE}).")
        int people;

        @Unmatched
        List<String> springArgs = new ArrayList<>();

        @Override
        public Integer call() {
            List<String> all = new ArrayList<>(springArgs);
            all.add("--buitenin.demo.people=" + people);
            BuiteninApplication.start(all.toArray(String[]::new), true);
            return ServerStarted.CODE;
        }
    }
}
