package nl.buitenin.workshop.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import nl.buitenin.privacy.ErasedText;
import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonalDataErasure;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.StaffDataSource;
import nl.buitenin.privacy.StaffItem;

/**
 * Workshops are personal data of staff: who opened one, who was invited, who joined for which department, who wrote which note and placed
 * which dot. The privacy officer's export of a staff member lists the workshops they opened or joined and the notes they
 * wrote (the text is their own); erasing clears their user name everywhere and keeps the notes, departments and dots
 * without a name, so a workshop's result stays whole. Notes are about the journey and must not name customers; should
 * one name a person all the same, that person's erasure scrubs their identifiers from it.
 */
@Component
class WorkshopStaffData implements StaffDataSource, PersonalDataErasure {

    private final JdbcWorkshops store;
    private final JdbcClient jdbc;

    WorkshopStaffData(JdbcWorkshops store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "workshops";
    }

    @Override
    public List<StaffItem> export(String staffRef) {
        List<StaffItem> items = new ArrayList<>();
        for (Workshop w : store.facilitatedBy(staffRef)) {
            items.add(new StaffItem(w.createdAt(), new ExportName("Workshop geopend: " + w.title(), "Workshop opened: " + w.title()),
                    null, List.of(), null));
        }
        Map<UUID, Workshop> byId = store.all().stream().collect(Collectors.toMap(Workshop::id, Function.identity()));
        for (Participant p : store.participationsOf(staffRef)) {
            String title = byId.containsKey(p.workshop()) ? byId.get(p.workshop()).title() : "";
            items.add(new StaffItem(p.joinedAt(), new ExportName("Deelgenomen aan workshop: " + title + " (" + p.department() + ")",
                    "Joined workshop: " + title + " (" + p.department() + ")"), p.department(), List.of(), null));
        }
        for (Item i : store.itemsBy(staffRef)) {
            String title = byId.containsKey(i.workshop()) ? byId.get(i.workshop()).title() : "";
            items.add(new StaffItem(i.createdAt(), new ExportName("Notitie in workshop " + title + ": " + i.text(),
                    "Note in workshop " + title + ": " + i.text()), i.department(), List.of(), null));
        }
        for (Workshop w : store.invitedTo(staffRef)) {
            items.add(new StaffItem(w.createdAt(), new ExportName("Uitgenodigd voor workshop: " + w.title(), "Invited to workshop: " + w.title()),
                    null, List.of(), null));
        }
        int dots = store.votesBy(staffRef);
        if (dots > 0) {
            items.add(new StaffItem(items.stream().map(StaffItem::at).max(Comparator.naturalOrder()).orElse(java.time.Instant.EPOCH),
                    new ExportName("Stippen geplaatst in workshops: " + dots, "Dots placed in workshops: " + dots), null, List.of(), null));
        }
        items.sort(Comparator.comparing(StaffItem::at).reversed());
        return items;
    }

    @Override
    public int erase(String staffRef) {
        return store.eraseStaff(staffRef);
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("workshop", "facilitator_staff_ref"),
                PersonalDataTable.keyed("workshop_invitee", "staff_ref"),
                PersonalDataTable.keyed("workshop_participant", "staff_ref"),
                PersonalDataTable.keyed("workshop_item", "staff_ref", "note_text"),
                PersonalDataTable.keyed("workshop_vote", "staff_ref"));
    }

    @Override
    public List<PersonalDataTable> erases() {
        return List.of(PersonalDataTable.text("workshop_item", "note_text"));
    }

    @ApplicationModuleListener
    void on(PersonErased erased) {
        new ErasedText(jdbc, erased).scrubMentions("workshop_item", List.of("id"), "note_text");
    }
}
