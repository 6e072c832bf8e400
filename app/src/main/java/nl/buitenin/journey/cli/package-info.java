/**
 * The command-line tools of this module: {@code import-interactions} (sends a CSV to a running server), listed in {@code nl.buitenin.CliTools}.
 * Exposed as a named interface so the application's command line may name them.
 */
@org.springframework.modulith.NamedInterface("cli")
@NullMarked
package nl.buitenin.journey.cli;

import org.jspecify.annotations.NullMarked;
