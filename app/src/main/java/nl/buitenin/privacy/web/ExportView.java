package nl.buitenin.privacy.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.buitenin.privacy.internal.PersonExport;

/**
 * The export as a readable page: each section a table, each record a row of its fields. Records of
 * every module are shown by their components, so a new module's section needs no template.
 */
record ExportView(List<SectionView> sections, int records) {

    record SectionView(String name, List<String> columns, List<List<String>> rows) {
    }

    static ExportView of(PersonExport export) {
        List<SectionView> sections = new ArrayList<>();
        for (PersonExport.Section section : export.sections()) {
            List<Map<String, String>> fields = section.records().stream().map(ExportView::fields).toList();
            List<String> columns = fields.stream().flatMap(f -> f.keySet().stream()).distinct().toList();
            List<List<String>> rows = fields.stream()
                    .map(f -> columns.stream().map(c -> f.getOrDefault(c, "")).toList()).toList();
            sections.add(new SectionView(section.name(), columns, rows));
        }
        return new ExportView(sections, export.recordCount());
    }

    private static Map<String, String> fields(Object record) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (record instanceof Record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    component.getAccessor().setAccessible(true);
                    Object value = component.getAccessor().invoke(record);
                    fields.put(component.getName(), value == null ? "" : value.toString());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
                }
            }
        } else if (record instanceof Map<?, ?> map) {
            map.forEach((k, v) -> fields.put(String.valueOf(k), v == null ? "" : v.toString()));
        } else {
            fields.put("value", String.valueOf(record));
        }
        return fields;
    }
}
