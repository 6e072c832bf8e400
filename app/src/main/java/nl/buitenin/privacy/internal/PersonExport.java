package nl.buitenin.privacy.internal;

import java.time.Instant;
import java.util.List;

import nl.buitenin.privacy.PersonKey;

/** Everything held on one person across all modules (GDPR art. 15 and 20), one section per source. */
public record PersonExport(PersonKey person, Instant exportedAt, List<Section> sections) {

    public PersonExport {
        sections = List.copyOf(sections);
    }

    public record Section(String name, List<?> records) {

        public Section {
            records = List.copyOf(records);
        }
    }

    public int recordCount() {
        return sections.stream().mapToInt(s -> s.records().size()).sum();
    }
}
