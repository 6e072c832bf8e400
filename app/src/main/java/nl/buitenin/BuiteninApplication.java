package nl.buitenin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Buitenin server. {@link #main} hands command lines to {@link Cli}, which starts this
 * application for {@code serve} and {@code demo} and runs the offline tools without it.
 */
/*
 * Beans are named by their full class name: modules are free to use the same simple names
 * (each may have an internal Erasure or Settings class) without clashing.
 */
@SpringBootApplication(nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class BuiteninApplication {

    public static void main(String[] args) {
        int exit = Cli.run(args);
        if (exit != Cli.ServerStarted.CODE) {
            System.exit(exit);
        }
        // The server runs on non-daemon threads: returning from main keeps it alive.
    }

    /** Starts the web application; {@code demo} loads the demo organisation into an empty database. */
    public static void start(String[] springArgs, boolean demo) {
        SpringApplication application = new SpringApplication(BuiteninApplication.class);
        if (demo) {
            application.setAdditionalProfiles("demo");
        }
        application.run(springArgs);
    }
}
