package nl.buitenin.groups.internal.planning;

import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.JdbcGroups;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.StaffDataSource;
import nl.buitenin.privacy.StaffItem;

/**
 * What the guide planning holds about a staff member, for the privacy officer (staff are people too): their stated
 * preferences, in words in both languages, and the trips they were put on. Erasing removes the preferences and takes
 * them off every trip; the trips stay.
 */
@Component
class PlanningStaffData implements StaffDataSource {

    private final JdbcPlanning planning;
    private final JdbcGroups groups;

    PlanningStaffData(JdbcPlanning planning, JdbcGroups groups) {
        this.planning = planning;
        this.groups = groups;
    }

    @Override
    public String section() {
        return "guide-planning";
    }

    @Override
    @Transactional(readOnly = true)
    public List<StaffItem> export(String staffRef) {
        Map<GroupId, Group> byId = groups.all().stream().collect(Collectors.toMap(Group::id, Function.identity()));
        List<StaffItem> items = new ArrayList<>();
        planning.guide(staffRef).ifPresent(guide -> items.add(new StaffItem(planning.updatedAt(staffRef).orElseThrow(),
                ExportName.of(describe(guide, byId, Locale.forLanguageTag("nl")), describe(guide, byId, Locale.ENGLISH)), null, List.of(), null)));
        for (Trip trip : planning.tripsOf(staffRef)) {
            Group group = byId.get(trip.group());
            items.add(new StaffItem(trip.date().atStartOfDay().toInstant(ZoneOffset.UTC),
                    ExportName.of(trip.name() + (group == null ? "" : " (" + group.nameNl() + ")"),
                            trip.name() + (group == null ? "" : " (" + group.nameEn() + ")")),
                    null, List.of(), trip.sourceId()));
        }
        return items;
    }

    /** A guide's preferences in one line of the reader's language. */
    static String describe(Guide guide, Map<GroupId, Group> groups, Locale locale) {
        boolean nl = locale.getLanguage().equals("nl");
        String pace = guide.pace() == null ? (nl ? "elk" : "any") : switch (guide.pace()) {
            case BRISK -> nl ? "stevig" : "brisk";
            case RELAXED -> nl ? "rustig" : "relaxed";
        };
        String languages = guide.languages().stream().map(l -> Locale.forLanguageTag(l).getDisplayLanguage(locale)).collect(Collectors.joining(", "));
        String topics = guide.topics().isEmpty() ? (nl ? "alle" : "any") : String.join(", ", guide.topics());
        String liked = guide.groups().isEmpty() ? (nl ? "alle" : "any")
                : guide.groups().stream().map(groups::get).filter(java.util.Objects::nonNull).map(g -> g.name(locale)).sorted()
                        .collect(Collectors.joining(", "));
        String days = guide.days().stream().sorted().map(d -> d.getDisplayName(TextStyle.FULL, locale)).collect(Collectors.joining(", "));
        return nl
                ? "Voorkeuren als begeleider — tempo: " + pace + "; talen: " + languages + "; onderwerpen: " + topics + "; groepen: " + liked
                        + "; beschikbaar: " + days
                : "Preferences as a guide — pace: " + pace + "; languages: " + languages + "; topics: " + topics + "; groups: " + liked
                        + "; available: " + days;
    }

    @Override
    @Transactional
    public int erase(String staffRef) {
        return planning.erase(staffRef);
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("groups_guide", "staff_ref"), PersonalDataTable.keyed("groups_trip_guide", "staff_ref"));
    }

}
