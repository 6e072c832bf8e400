package nl.buitenin.groups.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletResponse;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.groups.GroupId;
import nl.buitenin.groups.GroupKind;
import nl.buitenin.groups.internal.Group;
import nl.buitenin.groups.internal.GroupInput;
import nl.buitenin.groups.internal.GroupWork;
import nl.buitenin.groups.internal.JdbcGroups;
import nl.buitenin.groups.internal.JdbcMemberships;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;
import nl.buitenin.privacy.SmallCellRule;

/**
 * The administrator's page for groups: the list (name, kind, split, rule, size now, retired or not), a form to create
 * and change a group, and retiring one. It goes through {@link GroupWork}, the path of the API, so a group made here
 * and one sent through the API are checked alike; a wrong field is named next to it (the rule's error from its
 * parser, naming the word). Analysts read the list only.
 */
@PageController
class GroupsAdminController {

    private final JdbcGroups groups;
    private final JdbcMemberships memberships;
    private final GroupWork work;
    private final SmallCellRule smallCells;
    private final Clock clock;

    GroupsAdminController(JdbcGroups groups, JdbcMemberships memberships, GroupWork work, SmallCellRule smallCells, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.work = work;
        this.smallCells = smallCells;
        this.clock = clock;
    }

    /** One row of the list; {@code members} null when the small-cell rule hides it. */
    record Row(String id, String name, String otherName, String kindKey, @Nullable String split, @Nullable String rule,
            @Nullable Long members, boolean active) {
    }

    /** The form's fields as text, so a wrong value is shown again as it was typed. */
    record Form(@Nullable String nameNl, @Nullable String nameEn, @Nullable String descriptionNl, @Nullable String descriptionEn,
            @Nullable String kind, @Nullable String split, @Nullable String rule) {

        static Form empty() {
            return new Form("", "", "", "", GroupKind.CHOSEN.name(), "", "");
        }

        static Form of(Group group) {
            return new Form(group.nameNl(), group.nameEn(), group.descriptionNl(), group.descriptionEn(), group.kind().name(),
                    group.split() == null ? "" : group.split(), group.rule() == null ? "" : group.rule().text());
        }

        GroupInput input() {
            return new GroupInput(nameNl, nameEn, descriptionNl, descriptionEn, kind, split, rule);
        }
    }

    @GetMapping("/admin/groups")
    @Allow({Role.ADMIN, Role.ANALYST})
    String list(Model model, Locale locale) {
        Map<GroupId, Long> sizes = memberships.sizes(clock.instant());
        model.addAttribute("rows", groups.all().stream().map(g -> {
            long size = sizes.getOrDefault(g.id(), 0L);
            return new Row(g.id().toString(), g.name(locale), "en".equals(locale.getLanguage()) ? g.nameNl() : g.nameEn(),
                    g.kind().messageKey(), g.split(), g.rule() == null ? null : g.rule().text(), smallCells.hides(size) ? null : size,
                    g.active());
        }).toList());
        model.addAttribute("k", smallCells.k());
        return "groups/admin";
    }

    @GetMapping("/admin/groups/new")
    @Allow(Role.ADMIN)
    String create(Model model) {
        return form(model, Form.empty(), null, List.of());
    }

    @PostMapping("/admin/groups")
    @Allow(Role.ADMIN)
    String create(@ModelAttribute Form form, Model model, HttpServletResponse response) {
        try {
            work.create(form.input());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, null, e.errors());
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(model, form, null, List.of(e.error("nameNl")));
        }
        return "redirect:/admin/groups?saved";
    }

    @GetMapping("/admin/groups/{id}")
    @Allow(Role.ADMIN)
    String edit(@PathVariable UUID id, Model model) {
        Group group = group(id);
        return form(model, Form.of(group), group, List.of());
    }

    @PostMapping("/admin/groups/{id}")
    @Allow(Role.ADMIN)
    String update(@PathVariable UUID id, @ModelAttribute Form form, Model model, HttpServletResponse response) {
        Group group = group(id);
        try {
            work.update(group.id(), form.input());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, group, e.errors());
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(model, form, group, List.of(e.error("nameNl")));
        }
        return "redirect:/admin/groups?saved";
    }

    @PostMapping("/admin/groups/{id}/retire")
    @Allow(Role.ADMIN)
    String retire(@PathVariable UUID id) {
        work.retire(group(id).id());
        return "redirect:/admin/groups?retired";
    }

    private Group group(UUID id) {
        return groups.byId(new GroupId(id)).orElseThrow(() -> new NotFoundException("groups.thing.group", id));
    }

    private String form(Model model, Form form, @Nullable Group group, List<FieldError> errors) {
        model.addAttribute("form", form);
        model.addAttribute("group", group);
        model.addAttribute("kinds", GroupKind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", errors.stream().filter(e -> e.field() != null)
                .collect(java.util.stream.Collectors.groupingBy(FieldError::field)));
        return "groups/admin-form";
    }
}
