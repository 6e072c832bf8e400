package nl.buitenin.listening.internal.imports;

/**
 * One column of an export. {@code name} identifies it in a mapping and in error messages (Qualtrics' {@code Q3},
 * SurveyMonkey's question text with the option after " / ", Google Forms' question text); {@code label} is
 * the question text the tool printed and {@code detail} the option a SurveyMonkey multiple-choice column
 * stands for (empty otherwise).
 */
public record ExportColumn(int index, String name, String label, String detail) {

    public ExportColumn {
        label = label == null ? "" : label.strip();
        detail = detail == null ? "" : detail.strip();
    }

    /** How the column is offered in a list: its name, and the question text when that differs. */
    public String description() {
        String text = label.isEmpty() || label.equals(name) || name.startsWith(label) ? name : name + " — " + label;
        return text.length() > 90 ? text.substring(0, 90) + "…" : text;
    }
}
