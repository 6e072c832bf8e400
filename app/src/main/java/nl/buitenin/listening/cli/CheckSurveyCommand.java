package nl.buitenin.listening.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import nl.buitenin.listening.internal.QuestionAdvice;
import nl.buitenin.listening.internal.SurveyDefinition;
import nl.buitenin.listening.internal.SurveyFormat;
import nl.buitenin.listening.internal.SurveyQuestion;
import nl.buitenin.listening.internal.SurveyReview;
import nl.buitenin.listening.internal.checker.Finding;
import nl.buitenin.listening.internal.checker.Language;
import nl.buitenin.listening.internal.checker.Question;
import nl.buitenin.listening.internal.checker.QuestionChecker;
import nl.buitenin.platform.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check-survey FILE}: checks the wording of a survey file (JSON format) or of plain text with
 * one question per line. Exit code 0 when clean, 1 when something was found, 2 when the file cannot
 * be read.
 */
@Command(name = "check-survey", mixinStandardHelpOptions = true,
        description = "Check survey questions for leading, loaded, double-barrelled, unbalanced, absolute, jargon and over-long wording "
                + "(Dutch and English). FILE: a survey in the JSON format, or plain text with one question per line "
                + "(answer options after a |, separated by ;). Exit code 0: clean, 1: findings, 2: unreadable input.")
public final class CheckSurveyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The survey file (.json) or a text file with one question per line.")
    Path file;

    @Option(names = "--json", description = "Print the findings as JSON.")
    boolean json;

    @Option(names = "--lang", defaultValue = "auto", paramLabel = "nl|en|auto",
            description = "Language of the questions (default ${DEFAULT-VALUE}: detected per question; in a JSON survey both languages are checked).")
    String lang;

    @Spec
    CommandSpec spec;

    /** One finding as printed. */
    public record Report(String where, String language, String question, String code, String evidence, String explanation, String rewrite) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Language fixed;
        try {
            fixed = "auto".equalsIgnoreCase(lang) ? null : Language.of(lang);
        } catch (IllegalArgumentException e) {
            err.println("--lang must be nl, en or auto, not " + lang);
            return 2;
        }
        List<Report> reports;
        try {
            String content = read(file);
            reports = SurveyFormat.looksLikeJson(content) ? checkSurvey(content, fixed) : checkLines(content, fixed);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("Cannot read " + file + ": no such file");
            return 2;
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        } catch (InvalidInputException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        if (json) {
            out.println(SurveyFormat.json().writeValueAsString(reports));
        } else {
            print(reports, out);
        }
        out.flush();
        return reports.isEmpty() ? 0 : 1;
    }

    private static String read(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text");
        }
    }

    private static List<Report> checkSurvey(String content, Language fixed) {
        SurveyDefinition definition = SurveyFormat.readJson(content).toDefinition();
        List<Report> reports = new ArrayList<>();
        for (QuestionAdvice advice : new SurveyReview().review(definition)) {
            if (fixed != null && advice.language() != fixed) {
                continue;
            }
            SurveyQuestion question = definition.questions().get(advice.questionIndex());
            reports.add(report("questions[" + advice.questionIndex() + "] (" + question.key() + ")", advice.language(),
                    question.text().in(advice.language().code()), advice.finding()));
        }
        return reports;
    }

    private static List<Report> checkLines(String content, Language fixed) {
        QuestionChecker checker = new QuestionChecker();
        List<Report> reports = new ArrayList<>();
        for (SurveyFormat.TextLine line : SurveyFormat.readText(content)) {
            Language language = fixed != null ? fixed : QuestionChecker.detectLanguage(line.question());
            for (Finding finding : checker.check(new Question(line.question(), line.options(), language))) {
                reports.add(report("line " + line.line(), language, line.question(), finding));
            }
        }
        return reports;
    }

    private static Report report(String where, Language language, String question, Finding finding) {
        return new Report(where, language.code(), question, finding.code().name(), finding.evidence(), finding.explanation(language.code()),
                finding.rewrite());
    }

    private static void print(List<Report> reports, PrintWriter out) {
        String previous = null;
        for (Report report : reports) {
            String heading = report.where() + " [" + report.language() + "] " + report.question();
            if (!heading.equals(previous)) {
                out.println(heading);
                previous = heading;
            }
            out.println("  " + report.code() + ": " + report.explanation());
            out.println("    try: " + report.rewrite());
        }
        out.println(reports.isEmpty() ? "No findings." : reports.size() + (reports.size() == 1 ? " finding." : " findings."));
    }
}
