package nl.buitenin.signals.web.warnings;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import nl.buitenin.access.PublicEndpoint;
import nl.buitenin.platform.PageController;
import nl.buitenin.signals.internal.warnings.DigestSubscriptions;
import nl.buitenin.signals.internal.warnings.WeeklyDigest;

/**
 * The unsubscribe link of the weekly digest, without signing in: the link shows a button (a mail scanner that follows
 * the link unsubscribes nobody), and the button ends the subscription.
 */
@PageController
@PublicEndpoint(why = "the unsubscribe link of the weekly digest of early warnings; its signed token is checked on every request")
class DigestUnsubscribeController {

    private final WeeklyDigest digest;
    private final DigestSubscriptions subscriptions;

    DigestUnsubscribeController(WeeklyDigest digest, DigestSubscriptions subscriptions) {
        this.digest = digest;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/warnings/digest/unsubscribe")
    String ask(@RequestParam(required = false) @Nullable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", token != null && digest.unsubscriber(token).isPresent());
        model.addAttribute("done", false);
        return "signals/unsubscribe";
    }

    @PostMapping("/warnings/digest/unsubscribe")
    String unsubscribe(@RequestParam(required = false) @Nullable String token, Model model) {
        var user = token == null ? java.util.Optional.<nl.buitenin.access.UserId>empty() : digest.unsubscriber(token);
        user.ifPresent(subscriptions::unsubscribe);
        model.addAttribute("token", token);
        model.addAttribute("valid", user.isPresent());
        model.addAttribute("done", user.isPresent());
        return "signals/unsubscribe";
    }
}
