package nl.buitenin.privacy.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.internal.StaffData;

/**
 * Staff are people too: the privacy officer looks up a staff reference (who served the person), sees what every module
 * holds about it, and erases it on the staff member's request (the team stays, for team figures).
 */
@PageController
@Allow(Role.PRIVACY_OFFICER)
class StaffController {

    private final StaffData staff;

    StaffController(StaffData staff) {
        this.staff = staff;
    }

    @GetMapping("/privacy/staff")
    String search(@RequestParam(required = false) @Nullable String staffRef, Model model) {
        if (!RequestValues.blank(staffRef)) {
            try {
                show(staff.export(staffRef), model);
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.errors());
            }
        }
        model.addAttribute("staffRef", staffRef);
        return "privacy/staff";
    }

    @PostMapping("/privacy/staff/erase")
    String erase(@RequestParam String staffRef, @RequestParam(defaultValue = "false") boolean confirmed, Model model) {
        model.addAttribute("staffRef", staffRef);
        try {
            if (!confirmed) {
                show(staff.export(staffRef), model);
                model.addAttribute("errors", List.of(InvalidInputException.FieldError.of("confirmed", "privacy.invalid.confirmStaffErasure")));
                return "privacy/staff";
            }
            List<StaffData.Erased> erased = staff.erase(staffRef);
            model.addAttribute("erasedRows", erased.stream().mapToInt(StaffData.Erased::rows).sum());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return "privacy/staff";
    }

    private static void show(StaffData.StaffExport export, Model model) {
        model.addAttribute("export", export);
        model.addAttribute("held", export.sections().stream().mapToInt(s -> s.items().size()).sum());
    }
}
