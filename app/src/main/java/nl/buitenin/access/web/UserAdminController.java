package nl.buitenin.access.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.access.UserId;
import nl.buitenin.access.Users;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.ApiKeys;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;

/** Administrators manage users and API keys. */
@PageController
@Allow(Role.ADMIN)
class UserAdminController {

    private final JdbcUsers users;
    private final ApiKeys apiKeys;

    UserAdminController(JdbcUsers users, ApiKeys apiKeys) {
        this.users = users;
        this.apiKeys = apiKeys;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        return "access/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName,
            @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String team,
            @RequestParam(defaultValue = "nl") String language, Model model) {
        String password = oneTimePassword();
        try {
            Set<Role> chosen = roles == null ? Set.of() : EnumSet.copyOf(roles);
            users.create(new NewUser(username, displayName, password, chosen, team, language, true));
            model.addAttribute("created", username);
            model.addAttribute("oneTimePassword", password);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        } catch (ConflictException e) {
            model.addAttribute("errors", List.of(e.error("username")));
        }
        return list(model);
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable UUID id, @RequestParam String displayName,
            @RequestParam(required = false) List<Role> roles, @RequestParam(required = false) String team,
            @RequestParam(defaultValue = "false") boolean enabled, Model model) {
        if (roles == null || roles.isEmpty()) {
            model.addAttribute("errors", List.of(InvalidInputException.FieldError.of("roles", "access.invalid.roles")));
            return list(model);
        }
        try {
            users.update(new UserId(id), displayName, EnumSet.copyOf(roles), team, enabled);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return list(model);
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable UUID id) {
        users.unlock(new UserId(id));
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/reset-password")
    String resetPassword(@PathVariable UUID id, Model model) {
        String password = oneTimePassword();
        users.changePassword(new UserId(id), password, true);
        users.unlock(new UserId(id));
        model.addAttribute("created", users.byId(new UserId(id)).map(u -> u.username()).orElse(""));
        model.addAttribute("oneTimePassword", password);
        return list(model);
    }

    @GetMapping("/admin/api-keys")
    String apiKeys(Model model) {
        model.addAttribute("keys", apiKeys.all());
        model.addAttribute("boundCounts", apiKeys.bindingCounts());
        model.addAttribute("scopes", Scope.values());
        return "access/api-keys";
    }

    @PostMapping("/admin/api-keys")
    String issueKey(@RequestParam String name, @RequestParam(required = false) List<Scope> scopes, Model model) {
        try {
            var issued = apiKeys.issue(name, scopes == null ? Set.of() : EnumSet.copyOf(scopes),
                    users.current().map(u -> u.id()).orElse(null));
            model.addAttribute("issued", issued);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return apiKeys(model);
    }

    @PostMapping("/admin/api-keys/{id}/revoke")
    String revokeKey(@PathVariable UUID id) {
        apiKeys.revoke(id);
        return "redirect:/admin/api-keys";
    }

    private static String oneTimePassword() {
        return nl.buitenin.access.internal.OneTimePasswords.next();
    }

}
