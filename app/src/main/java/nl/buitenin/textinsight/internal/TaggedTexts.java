package nl.buitenin.textinsight.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import nl.buitenin.insight.text.Language;
import nl.buitenin.journey.Interactions;
import nl.buitenin.journey.ReasonedContact;
import nl.buitenin.listening.Comments;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.Cases;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTag;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.platform.PageRequest;
import nl.buitenin.platform.PageResult;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.textinsight.TextSource;

/**
 * What analysts said about the themes of texts (comments, cases, notes and contact reasons), with the texts, for training
 * the theme model: a theme tagged by hand or a suggestion confirmed is accepted, a rejected one is not; unreviewed
 * suggestions say nothing. Only texts that were analysed count (a case opened for an answer holds scores, not words; its
 * answer's comment is analysed; a contact reason counts when its contact was read), and a known person's text is read
 * only when the purpose "service improvement" allows it (logged as a read; for contact reasons one batched check per
 * page of reasons). The texts are held in memory for one training and never stored.
 */
@Component
class TaggedTexts {

    /** One verdict on one theme of one text. */
    record Verdict(String text, ThemeId theme, boolean accepted) {
    }

    /** The verdicts, and how many tagged texts could not be read (refused by the purpose, or gone). */
    record Read(List<Verdict> verdicts, int texts, int unread) {
    }

    /** Tags read per page (the most a page holds), and analyses looked up per query. */
    private static final int PAGE = 500;

    private final ThemeTagging tagging;
    private final Analyses analyses;
    private final Comments comments;
    private final Cases cases;
    private final Notes notes;
    private final PurposeReads reads;
    private final DemandReadings readings;
    private final Interactions interactions;

    TaggedTexts(ThemeTagging tagging, Analyses analyses, Comments comments, Cases cases, Notes notes, PurposeReads reads,
            DemandReadings readings, Interactions interactions) {
        this.readings = readings;
        this.interactions = interactions;
        this.tagging = tagging;
        this.analyses = analyses;
        this.comments = comments;
        this.cases = cases;
        this.notes = notes;
        this.reads = reads;
    }

    Read read() {
        Map<TagSubject, Map<ThemeId, Boolean>> verdicts = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            PageResult<ThemeTag> tags = tagging.allTags(PageRequest.of(page, PAGE));
            for (ThemeTag tag : tags.items()) {
                if (tag.state() != ThemeTag.State.SUGGESTED) {
                    verdicts.computeIfAbsent(tag.subject(), s -> new LinkedHashMap<>()).put(tag.theme(), tag.state() == ThemeTag.State.CONFIRMED);
                }
            }
            if (tags.items().size() < PAGE) {
                break;
            }
        }
        Map<TextSource, List<String>> refs = new LinkedHashMap<>();
        verdicts.keySet().stream().filter(subject -> subject.kind() != TagSubject.Kind.CONTACT_REASON)
                .forEach(subject -> refs.computeIfAbsent(source(subject.kind()), k -> new ArrayList<>()).add(subject.id().toString()));
        Map<UUID, String> reasons = reasons(verdicts.keySet().stream()
                .filter(subject -> subject.kind() == TagSubject.Kind.CONTACT_REASON).map(TagSubject::id).toList());
        Map<TextSource, Map<String, StoredAnalysis>> analysed = new LinkedHashMap<>();
        refs.forEach((source, ids) -> {
            Map<String, StoredAnalysis> found = new LinkedHashMap<>();
            for (int from = 0; from < ids.size(); from += PAGE) {
                found.putAll(analyses.findAll(source, ids.subList(from, Math.min(ids.size(), from + PAGE))));
            }
            analysed.put(source, found);
        });
        List<Verdict> read = new ArrayList<>();
        int unread = 0;
        for (Map.Entry<TagSubject, Map<ThemeId, Boolean>> entry : verdicts.entrySet()) {
            if (entry.getKey().kind() == TagSubject.Kind.CONTACT_REASON) {
                String reason = reasons.get(entry.getKey().id());
                if (reason == null || reason.isBlank()) {
                    unread++;
                } else {
                    entry.getValue().forEach((theme, accepted) -> read.add(new Verdict(reason, theme, accepted)));
                }
                continue;
            }
            TextSource source = source(entry.getKey().kind());
            StoredAnalysis analysis = analysed.get(source).get(entry.getKey().id().toString());
            if (analysis == null) {
                continue;
            }
            String what = "learning themes from a " + source.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            Optional<String> text = reads.mayRead(analysis.text().person(), what, analysis.text().writtenAt())
                    ? text(entry.getKey()) : Optional.empty();
            // a note past its retention keeps a placeholder instead of its text: nothing to learn from
            if (text.isEmpty() || text.get().isBlank() || text.get().equals(TextInsightRetention.EXPIRED)) {
                unread++;
                continue;
            }
            entry.getValue().forEach((theme, accepted) -> read.add(new Verdict(text.get(), theme, accepted)));
        }
        return new Read(read, verdicts.size(), unread);
    }

    /**
     * The texts analysts corrected the sentiment of, in the languages asked, each with the analyst's label: the
     * examples the sentiment model learns from. Read like the tagged texts: a known person's text only when the purpose
     * allows it (logged), held in memory for one fit and never stored; a text gone or expired is left out.
     */
    List<CorrectionModel.Example> corrections(Set<Language> languages) {
        List<CorrectionModel.Example> examples = new ArrayList<>();
        for (TextSource source : TextSource.values()) {
            List<StoredAnalysis> corrected = analyses.corrected(source).stream()
                    .filter(a -> languages.contains(a.text().language())).toList();
            if (corrected.isEmpty()) {
                continue;
            }
            if (source == TextSource.CONTACT_REASON) {
                Map<UUID, String> reasons = reasons(corrected.stream().map(a -> UUID.fromString(a.text().ref())).toList());
                for (StoredAnalysis analysis : corrected) {
                    String reason = reasons.get(UUID.fromString(analysis.text().ref()));
                    if (reason != null && !reason.isBlank()) {
                        examples.add(new CorrectionModel.Example(reason, analysis.text().language(), analysis.label()));
                    }
                }
                continue;
            }
            String what = "learning sentiment from a " + source.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            for (StoredAnalysis analysis : corrected) {
                Optional<String> text = reads.mayRead(analysis.text().person(), what, analysis.text().writtenAt())
                        ? text(subject(source, UUID.fromString(analysis.text().ref()))) : Optional.empty();
                if (text.isPresent() && !text.get().isBlank() && !text.get().equals(TextInsightRetention.EXPIRED)) {
                    examples.add(new CorrectionModel.Example(text.get(), analysis.text().language(), analysis.label()));
                }
            }
        }
        return examples;
    }

    private static TagSubject subject(TextSource source, UUID id) {
        return switch (source) {
            case COMMENT -> TagSubject.answer(id);
            case CASE -> TagSubject.of(new CaseId(id));
            case NOTE -> TagSubject.note(id);
            case CONTACT_REASON -> TagSubject.contactReason(id);
        };
    }

    private Optional<String> text(TagSubject subject) {
        return switch (subject.kind()) {
            case ANSWER -> Optional.of(ResponseText.of(comments.of(subject.id())));
            case CASE -> cases.summary(new CaseId(subject.id()));
            case NOTE -> notes.byId(subject.id()).map(Notes.Note::text);
            case CONTACT_REASON -> Optional.empty();
        };
    }

    /**
     * The reasons of the tagged contacts that may be read, by contact id: each person's under the purpose (checked once per
     * person at their earliest tagged contact, logged as a read), anonymous ones as they are. A contact whose reason is gone
     * (retention) is absent.
     */
    private Map<UUID, String> reasons(List<UUID> contacts) {
        Map<UUID, String> reasons = new HashMap<>();
        for (int from = 0; from < contacts.size(); from += PAGE) {
            Map<UUID, DemandReadings.Contact> read = readings.byIds(contacts.subList(from, Math.min(contacts.size(), from + PAGE)));
            Map<PersonKey, java.time.Instant> earliest = new HashMap<>();
            read.values().stream().filter(c -> c.person() != null)
                    .forEach(c -> earliest.merge(c.person(), c.at(), (a, b) -> a.isBefore(b) ? a : b));
            Set<PersonKey> allowed = reads.allowed(earliest, "learning themes from a contact reason");
            Map<String, UUID> bySource = new HashMap<>();
            read.values().stream().filter(c -> c.person() == null || allowed.contains(c.person()))
                    .forEach(c -> bySource.put(c.sourceRef(), c.contact()));
            for (ReasonedContact contact : interactions.withReasons(bySource.keySet())) {
                reasons.put(bySource.get(contact.sourceId()), contact.reason());
            }
        }
        return reasons;
    }

    static TextSource source(TagSubject.Kind kind) {
        return switch (kind) {
            case ANSWER -> TextSource.COMMENT;
            case CASE -> TextSource.CASE;
            case NOTE -> TextSource.NOTE;
            case CONTACT_REASON -> TextSource.CONTACT_REASON;
        };
    }

}
