package nl.buitenin.privacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.StaffDataSource;
import nl.buitenin.privacy.StaffItem;

/**
 * Staff are people too: what every module holds about a staff reference ({@link StaffDataSource}), shown to the privacy
 * officer and erased on request (the reference removed, the team kept). Both are logged in the access log under the
 * purpose for data subjects' rights, without a person key.
 */
@Service
public class StaffData {

    static final PurposeId RIGHTS = new PurposeId("data-subject-rights");
    /** The form of a staff reference (the rule of every way in; checked here so a typo is told, not an empty export). */
    private static final Pattern REFERENCE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

    /** One module's part of what is held about a staff reference. */
    public record StaffSection(String section, List<StaffItem> items) {
    }

    /** Everything held about a staff reference. */
    public record StaffExport(String staffRef, Instant exportedAt, List<StaffSection> sections) {
    }

    /** How many rows of each module no longer carry the staff reference. */
    public record Erased(String section, int rows) {
    }

    private final ObjectProvider<StaffDataSource> sources;
    private final AccessLog log;
    private final Actors actors;
    private final Clock clock;

    StaffData(ObjectProvider<StaffDataSource> sources, AccessLog log, Actors actors, Clock clock) {
        this.sources = sources;
        this.log = log;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional
    public StaffExport export(String staffRef) {
        String ref = valid(staffRef);
        List<StaffSection> sections = new ArrayList<>();
        for (StaffDataSource source : ordered()) {
            sections.add(new StaffSection(source.section(), source.export(ref)));
        }
        log.record(actors.current(), RIGHTS, null, "export of staff reference " + ref, null);
        return new StaffExport(ref, clock.instant(), sections);
    }

    @Transactional
    public List<Erased> erase(String staffRef) {
        String ref = valid(staffRef);
        List<Erased> erased = new ArrayList<>();
        for (StaffDataSource source : ordered()) {
            erased.add(new Erased(source.section(), source.erase(ref)));
        }
        // The log says that an erasure happened, not of whom: the reference is what was erased.
        log.record(actors.current(), RIGHTS, null, "erasure of a staff reference", null);
        return erased;
    }

    private List<StaffDataSource> ordered() {
        return sources.orderedStream().sorted(Comparator.comparing(StaffDataSource::section)).toList();
    }

    private static String valid(String staffRef) {
        String ref = staffRef == null ? "" : staffRef.strip();
        if (!REFERENCE.matcher(ref).matches()) {
            throw InvalidInputException.of("staffRef", "privacy.invalid.staffRef", ref.length() > 60 ? ref.substring(0, 60) + "…" : ref);
        }
        return ref;
    }
}
