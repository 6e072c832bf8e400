package nl.buitenin.contact.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.Operation;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.contact.internal.InvitedPerHour;
import nl.buitenin.contact.internal.JdbcContactStore;
import nl.buitenin.contact.internal.PolicyFile;
import nl.buitenin.contact.internal.StoredContactPolicy;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.PersonKey;

/** The contact policy and its decisions over REST; ADMIN and ANALYST only. */
@RestController
@RequestMapping("/api/v1/contact")
@Allow({Role.ADMIN, Role.ANALYST})
class ContactPolicyApi {

    private final StoredContactPolicy policy;
    private final JdbcContactStore store;
    private final InvitedPerHour invitedPerHour;

    ContactPolicyApi(StoredContactPolicy policy, JdbcContactStore store, InvitedPerHour invitedPerHour) {
        this.policy = policy;
        this.store = store;
        this.invitedPerHour = invitedPerHour;
    }

    /** The share of contacts invited per hour of the day, over the last {@code days} days. */
    record InvitedPerHourJson(int days, List<InvitedHourJson> hours) {
    }

    /**
     * One hour of the day (0–23, the organisation's time zone): contacts after which an invitation was asked for, those
     * invited, and the share in percent with its 95 % Wilson interval. An hour about fewer than {@code fewerThan} people is
     * {@code hidden}, its numbers null.
     */
    record InvitedHourJson(int hour, @Nullable Long contacts, @Nullable Long invited, @Nullable Double percent, @Nullable Double lower,
            @Nullable Double upper, boolean hidden, @Nullable Integer fewerThan) {
    }

    @GetMapping("/invited-per-hour")
    @Operation(summary = "Per hour of the day the share of contacts (last 90 days) that got a survey invitation, with n and a 95 % interval; "
            + "hours about fewer people than the small-cell rule allows are hidden")
    InvitedPerHourJson invitedPerHour() {
        return new InvitedPerHourJson(InvitedPerHour.DAYS, invitedPerHour.lastDays().stream()
                .map(h -> new InvitedHourJson(h.hour(), h.contacts(), h.invited(), h.share() == null ? null : h.share().value(),
                        h.share() == null ? null : h.share().lower(), h.share() == null ? null : h.share().upper(), h.hidden(),
                        h.hidden() ? h.fewerThan() : null))
                .toList());
    }

    @GetMapping("/policy")
    @Operation(summary = "The contact policy (the default until one is saved)")
    PolicyFile get() {
        return PolicyFile.of(policy.current());
    }

    @PutMapping("/policy")
    @Operation(summary = "Change the contact policy; fields left out take their default")
    PolicyFile change(@RequestBody PolicyFile file) {
        return PolicyFile.of(policy.change(file));
    }

    @GetMapping("/decisions")
    @Operation(summary = "Decisions with their reason codes: of one person (person=p_...), or the latest 100")
    List<JdbcContactStore.StoredDecision> decisions(@RequestParam(required = false) String person) {
        if (RequestValues.blank(person)) {
            return store.recentDecisions(100);
        }
        if (!PersonKey.isValid(person)) {
            throw InvalidInputException.of("person", "contact.invalid.person");
        }
        return store.decisionsOf(new PersonKey(person));
    }
}
