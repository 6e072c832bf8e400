/**
 * The command-line tools of this module: {@code migrate-to-postgres}, listed in {@code nl.buitenin.CliTools}.
 * Exposed as a named interface so the application's command line may name them.
 */
@org.springframework.modulith.NamedInterface("cli")
@NullMarked
package nl.buitenin.platform.cli;

import org.jspecify.annotations.NullMarked;
