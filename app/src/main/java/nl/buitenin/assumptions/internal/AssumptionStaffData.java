package nl.buitenin.assumptions.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.privacy.ExportName;
import nl.buitenin.privacy.PersonalDataTable;
import nl.buitenin.privacy.StaffDataSource;
import nl.buitenin.privacy.StaffItem;

/**
 * An assumption's owner is a member of staff, and staff are people: the privacy officer's export of a staff member lists
 * the assumptions they own (the statement, its department, when it was written); erasing clears their user name and
 * keeps the assumption, its test and its verdict, so the organisation's figure stays whole (it never counts per owner).
 */
@Component
class AssumptionStaffData implements StaffDataSource {

    private final JdbcAssumptions assumptions;

    AssumptionStaffData(JdbcAssumptions assumptions) {
        this.assumptions = assumptions;
    }

    @Override
    public String section() {
        return "assumptions";
    }

    @Override
    public List<StaffItem> export(String staffRef) {
        return assumptions.ownedBy(staffRef).stream()
                .map(a -> new StaffItem(a.createdAt(), new ExportName("Eigenaar van de aanname: " + a.statement(),
                        "Owner of the assumption: " + a.statement()), a.department(), List.of(), null))
                .toList();
    }

    @Override
    @Transactional
    public int erase(String staffRef) {
        return assumptions.forgetOwner(staffRef);
    }

    @Override
    public List<PersonalDataTable> tables() {
        return List.of(PersonalDataTable.keyed("assumptions_assumption", "owner"));
    }
}
