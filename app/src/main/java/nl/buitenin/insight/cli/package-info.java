/**
 * The command-line tools of this module: {@code score}, {@code sentiment} and {@code evaluate-sentiment}, listed in {@code nl.buitenin.CliTools}.
 * Exposed as a named interface so the application's command line may name them.
 */
@org.springframework.modulith.NamedInterface("cli")
@NullMarked
package nl.buitenin.insight.cli;

import org.jspecify.annotations.NullMarked;
