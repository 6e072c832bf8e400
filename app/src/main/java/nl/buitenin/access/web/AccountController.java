package nl.buitenin.access.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.AnySignedIn;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.PageController;

/** The signed-in user's own account: choosing a new password. */
@PageController
@AnySignedIn
class AccountController {

    private final JdbcUsers users;

    AccountController(JdbcUsers users) {
        this.users = users;
    }

    @GetMapping("/account/password")
    String passwordForm(@AuthenticationPrincipal StoredUser user, Model model) {
        model.addAttribute("mustChange", users.storedById(user.id()).map(StoredUser::mustChangePassword).orElse(false));
        return "access/password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal StoredUser user, @RequestParam String current,
            @RequestParam String password, @RequestParam String repeat, Model model) {
        model.addAttribute("mustChange", users.storedById(user.id()).map(StoredUser::mustChangePassword).orElse(false));
        if (!users.passwordMatches(user.id(), current)) {
            model.addAttribute("error", "account.password.wrongCurrent");
            return "access/password";
        }
        if (!password.equals(repeat)) {
            model.addAttribute("error", "account.password.mismatch");
            return "access/password";
        }
        try {
            users.changePassword(user.id(), password, false);
        } catch (InvalidInputException e) {
            // The policy names what is wrong (too short, a common password, a simple sequence…); the page tells exactly that.
            model.addAttribute("refusal", e.errors().get(0));
            return "access/password";
        }
        return "redirect:/?passwordChanged";
    }
}
