package nl.buitenin.privacy.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.PersonalDataSource;

/** Collects what every {@link PersonalDataSource} of every module holds on a person. */
@Service
public class Exports {

    private final ObjectProvider<PersonalDataSource> sources;
    private final Clock clock;

    Exports(ObjectProvider<PersonalDataSource> sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    @Transactional
    public PersonExport export(PersonKey person) {
        List<PersonExport.Section> sections = new ArrayList<>();
        List<PersonalDataSource> ordered = sources.orderedStream().sorted(Comparator.comparing(PersonalDataSource::section)).toList();
        for (PersonalDataSource source : ordered) {
            sections.add(new PersonExport.Section(source.section(), source.purpose(), source.export(person)));
        }
        return new PersonExport(person, clock.instant(), sections);
    }
}
