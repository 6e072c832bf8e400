/**
 * The command-line tools of this module: {@code check-survey}, and {@code import-answers}, which sends
 * a file to a running server. Listed in {@code nl.buitenin.CliTools}; exposed as a named interface so
 * the application's command line may name them.
 */
@org.springframework.modulith.NamedInterface("cli")
@NullMarked
package nl.buitenin.listening.cli;

import org.jspecify.annotations.NullMarked;
