package nl.buitenin.privacy.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

import nl.buitenin.organisation.Register;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.ExportOnly;
import nl.buitenin.privacy.ExportTerm;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.internal.LogTerms;
import nl.buitenin.privacy.internal.PersonExport;
import nl.buitenin.privacy.internal.Purpose;

/**
 * The export as a person reads it, grouped by what it is held for: first what is held about them as such (contact
 * details, their choices), then per purpose of the register (its name and description) the sections a module declared
 * for it ({@code PersonalDataSource.purpose()}), last who read their data. Each section under its name in the
 * reader's language, each record as a list of labelled fields ({@code export.<section>.<field>}), nested records (a
 * case's notes) as items under their field. Times are shown in the organisation's time zone, codes ({@link ExportTerm}) and names ({@link ExportName})
 * in the reader's language, booleans as yes/no; ids (also inside a text), keys and {@link ExportOnly} fields stay in
 * the JSON only.
 * Records of every module are read by their components, so a new module's section needs texts, no template.
 *
 * @param missing message keys that had no text (shown as the bare name); tests require none
 */
record ExportView(List<GroupView> groups, int records, Set<String> missing) {

    /** Sections held for one purpose (its name and description), or held about the person as such (no description). */
    record GroupView(String code, String title, @Nullable String description, List<SectionView> sections) {
    }

    record SectionView(String code, String name, List<ItemView> items) {
    }

    record ItemView(List<FieldView> fields) {
    }

    /** A field: a value, or (for a list of records) items of their own. */
    record FieldView(String label, @Nullable String value, List<ItemView> items) {
    }

    /** Every section, group by group (for the table of contents). */
    public List<SectionView> sections() {
        return groups.stream().flatMap(g -> g.sections().stream()).toList();
    }

    static ExportView of(PersonExport export, MessageSource messages, Locale locale, ZoneId zone,
            Function<PurposeId, Optional<Purpose>> purposes) {
        return of(export, messages, locale, zone, purposes, Register.FORMAL);
    }

    /** As above, the Dutch texts in the organisation's register ("Uw antwoorden" or "Je antwoorden"). */
    static ExportView of(PersonExport export, MessageSource messages, Locale locale, ZoneId zone,
            Function<PurposeId, Optional<Purpose>> purposes, Register register) {
        Renderer renderer = new Renderer(messages, locale, zone, register);
        Collator collator = Collator.getInstance(locale);
        Comparator<SectionView> byRankAndName = Comparator.comparingInt((SectionView s) -> rank(s.code())).thenComparing(SectionView::name, collator);
        // Who they are and what they chose first, then what is held per purpose, who read their data last.
        List<SectionView> about = new ArrayList<>();
        List<SectionView> accountability = new ArrayList<>();
        Map<PurposeId, List<SectionView>> perPurpose = new LinkedHashMap<>();
        for (PersonExport.Section section : export.sections()) {
            List<ItemView> items = section.records().stream().map(r -> renderer.item(section.name(), r)).toList();
            SectionView view = new SectionView(section.name(), renderer.text("export." + section.name(), section.name()), items);
            if (LAST.contains(section.name())) {
                accountability.add(view);
            } else if (section.purpose() == null || purposes.apply(section.purpose()).isEmpty()) {
                about.add(view);
            } else {
                perPurpose.computeIfAbsent(section.purpose(), p -> new ArrayList<>()).add(view);
            }
        }
        List<GroupView> groups = new ArrayList<>();
        if (!about.isEmpty()) {
            about.sort(byRankAndName);
            groups.add(new GroupView("about", renderer.text("privacy.export.group.about", "about"), null, about));
        }
        List<GroupView> held = new ArrayList<>();
        perPurpose.forEach((id, sections) -> {
            Purpose purpose = purposes.apply(id).orElseThrow();
            sections.sort(byRankAndName);
            held.add(new GroupView(id.value(), purpose.name(locale), purpose.description(locale), sections));
        });
        held.sort(Comparator.comparing(GroupView::title, collator));
        groups.addAll(held);
        if (!accountability.isEmpty()) {
            accountability.sort(byRankAndName);
            groups.add(new GroupView("accountability", renderer.text("privacy.export.group.accountability", "accountability"), null,
                    accountability));
        }
        return new ExportView(groups, export.recordCount(), renderer.missing);
    }

    private static final List<String> FIRST = List.of("contact-details", "preferences", "consents");
    private static final List<String> LAST = List.of("access-log");

    private static int rank(String section) {
        return FIRST.contains(section) ? FIRST.indexOf(section) - FIRST.size() : LAST.contains(section) ? 1 + LAST.indexOf(section) : 0;
    }

    private static final class Renderer {
        private final MessageSource messages;
        private final Locale locale;
        private final DateTimeFormatter dateTime;
        private final DateTimeFormatter date;
        private final Set<String> missing = new TreeSet<>();
        private final Register register;

        Renderer(MessageSource messages, Locale locale, ZoneId zone, Register register) {
            this.messages = messages;
            this.register = register;
            this.locale = locale;
            this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).withZone(zone);
            this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        }

        ItemView item(String path, Object record) {
            List<FieldView> fields = new ArrayList<>();
            if (record instanceof Record) {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    if (component.isAnnotationPresent(ExportOnly.class)) {
                        continue;
                    }
                    field(path + "." + component.getName(), read(component, record)).ifPresent(fields::add);
                }
            } else {
                field(path + ".value", record).ifPresent(fields::add);
            }
            return new ItemView(fields);
        }

        private java.util.Optional<FieldView> field(String path, Object value) {
            if (value == null || hidden(value) || value instanceof String s && s.isBlank()
                    || value instanceof Collection<?> c && c.isEmpty()) {
                return java.util.Optional.empty();
            }
            String label = text("export." + path, path.substring(path.lastIndexOf('.') + 1));
            if (value instanceof Collection<?> list && list.stream().anyMatch(ExportView.Renderer::isNested)) {
                return java.util.Optional.of(new FieldView(label, null, list.stream().map(v -> item(path, v)).toList()));
            }
            if (isNested(value)) {
                return java.util.Optional.of(new FieldView(label, null, List.of(item(path, value))));
            }
            return java.util.Optional.of(new FieldView(label, value(value), List.of()));
        }

        /** A record of its own (shown as fields), not a value such as a name or a code. */
        private static boolean isNested(Object value) {
            return value instanceof Record && !(value instanceof ExportTerm) && !(value instanceof ExportName) && !hidden(value);
        }

        /** Ids and keys: for a machine, not for the person. */
        private static boolean hidden(Object value) {
            if (value instanceof UUID || value instanceof PersonKey) {
                return true;
            }
            if (value instanceof Record record) {
                RecordComponent[] components = record.getClass().getRecordComponents();
                return components.length == 1 && components[0].getType() == UUID.class;
            }
            return false;
        }

        private String value(Object value) {
            if (value instanceof Instant instant) {
                return dateTime.format(instant);
            }
            if (value instanceof OffsetDateTime time) {
                return dateTime.format(time.toInstant());
            }
            if (value instanceof LocalDate day) {
                return date.format(day);
            }
            if (value instanceof Boolean yes) {
                return text(yes ? "export.yes" : "export.no", String.valueOf(yes));
            }
            if (value instanceof ExportTerm term) {
                return text(term.messageKey(), term.code());
            }
            if (value instanceof ExportName name) {
                return name.in(locale);
            }
            if (value instanceof Enum<?> constant) {
                return enumText(constant);
            }
            if (value instanceof Collection<?> list) {
                return list.stream().filter(v -> v != null && !hidden(v)).map(this::value).collect(Collectors.joining(", "));
            }
            // Ids are for a machine: a text that carries one ("comment at touchpoint 3f2a…") is shown without it.
            return LogTerms.withoutIds(String.valueOf(value));
        }

        /** An enum with a {@code messageKey()} (as most have) in words; otherwise a missing text. */
        private String enumText(Enum<?> constant) {
            try {
                Method key = constant.getClass().getMethod("messageKey");
                return text((String) key.invoke(constant), constant.name());
            } catch (ReflectiveOperationException e) {
                missing.add(constant.getDeclaringClass().getName() + "." + constant.name());
                return constant.name();
            }
        }

        /** The text in the organisation's register where it has one of its own ({@code <key>.je}), else the text. */
        String text(String key, String fallback) {
            String inRegister = register == Register.FORMAL ? null : messages.getMessage(register.key(key), null, null, locale);
            String text = inRegister != null ? inRegister : messages.getMessage(key, null, null, locale);
            if (text == null) {
                missing.add(key);
                return fallback;
            }
            return text;
        }

        private static Object read(RecordComponent component, Object record) {
            try {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
            }
        }
    }
}
