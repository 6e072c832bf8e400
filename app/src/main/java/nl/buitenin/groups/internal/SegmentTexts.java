package nl.buitenin.groups.internal;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What sets a proposed segment apart, in words of the reader's language: "vaker 'Tempo' (40 % tegen 5 % van de
 * anderen)", "NPS gemiddeld 8,6 (anderen 6,1)", "age_band 65+: 55 % (anderen 12 %)".
 */
@Component
public class SegmentTexts {

    private final MessageSource messages;

    SegmentTexts(MessageSource messages) {
        this.messages = messages;
    }

    public List<String> describe(SegmentProposal proposal, Locale locale) {
        return proposal.traits().stream().map(t -> describe(t, locale)).toList();
    }

    public String describe(SegmentProposal.Trait trait, Locale locale) {
        NumberFormat one = NumberFormat.getNumberInstance(locale);
        one.setMinimumFractionDigits(1);
        one.setMaximumFractionDigits(1);
        NumberFormat whole = NumberFormat.getIntegerInstance(locale);
        String label = trait.label(locale);
        return switch (trait.kind()) {
            case SCORE -> messages.getMessage("groups.segments.trait.score", new Object[] {label, one.format(trait.inside()),
                    one.format(trait.outside())}, locale);
            case NUMBER -> messages.getMessage("groups.segments.trait.number", new Object[] {label, one.format(trait.inside()),
                    one.format(trait.outside())}, locale);
            case THEME -> messages.getMessage("groups.segments.trait.theme", new Object[] {label, whole.format(100 * trait.inside()),
                    whole.format(100 * trait.outside())}, locale);
            case VALUE -> messages.getMessage("groups.segments.trait.value", new Object[] {label, trait.value(),
                    whole.format(100 * trait.inside()), whole.format(100 * trait.outside())}, locale);
        };
    }
}
