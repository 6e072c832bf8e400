package nl.buitenin.workshop.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.access.Users;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Journeys;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.workshop.AssumptionNoted;

/**
 * The rules of a workshop. Analysts and administrators open, group, run the vote and close (the facilitator's roles);
 * a staff member who joined with the code adds notes, edits and deletes their own and places their dots while the
 * workshop is open. Every change raises the workshop's version, which is what a polling board compares.
 */
@Service
public class Workshops {

    public static final int MAX_TEXT = 500;
    public static final int MAX_DOTS = 10;

    private final JdbcWorkshops store;
    private final Journeys journeys;
    private final JoinAttempts attempts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Users users;

    Workshops(JdbcWorkshops store, Journeys journeys, JoinAttempts attempts, ApplicationEventPublisher events, Clock clock, Users users) {
        this.users = users;
        this.store = store;
        this.journeys = journeys;
        this.attempts = attempts;
        this.events = events;
        this.clock = clock;
    }

    public static boolean manages(User user) {
        return user.has(Role.ADMIN) || user.has(Role.ANALYST);
    }

    // Reading

    public Workshop get(UUID id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("workshop.thing.workshop", id));
    }

    /** The workshop, for a user who may see it: its facilitator's roles, or someone who joined; refused otherwise. */
    public Workshop visibleTo(UUID id, User user) {
        Workshop workshop = get(id);
        if (!manages(user) && store.participant(id, user.username()).isEmpty()) {
            throw new WorkshopRefused("workshop.refused.notJoined");
        }
        return workshop;
    }

    public Optional<Participant> participant(UUID workshop, User user) {
        return store.participant(workshop, user.username());
    }

    public Journey journey(Workshop workshop) {
        return journeys.byId(workshop.journey()).orElseThrow(() -> new NotFoundException("workshop.thing.journey", workshop.journey()));
    }

    public List<Workshop> all() {
        return store.all();
    }

    /** The workshops a staff member joined or opened, latest first: their way back in. */
    public List<Workshop> joinedBy(User user) {
        return store.joinedBy(user.username());
    }

    /**
     * The board's version for a user who may see it: what a poll reads, two lookups by key (the workshop's version and,
     * for someone without the facilitator's roles, their participation).
     */
    public long versionFor(UUID id, User user) {
        long version = store.version(id).orElseThrow(() -> new NotFoundException("workshop.thing.workshop", id));
        if (!manages(user) && store.participant(id, user.username()).isEmpty()) {
            throw new WorkshopRefused("workshop.refused.notJoined");
        }
        return version;
    }

    public List<Item> items(UUID workshop) {
        return store.items(workshop);
    }

    public List<Group> groups(UUID workshop) {
        return store.groups(workshop);
    }

    public List<Participant> participants(UUID workshop) {
        return store.participants(workshop);
    }

    /** Dots per note, counted only once the vote is closed (empty before: nobody follows the crowd). */
    public Map<UUID, Integer> votes(Workshop workshop) {
        return workshop.votesShown() ? store.votes(workshop.id()) : Map.of();
    }

    /** The dots the user placed, per note. */
    public Map<UUID, Integer> votesOf(Workshop workshop, User user) {
        return store.votesOf(workshop.id(), user.username());
    }

    // The facilitator

    @Transactional
    public Workshop open(User facilitator, WorkshopForm form) {
        mustManage(facilitator);
        WorkshopForm.Checked checked = form.check(name -> users.byUsername(name).isPresent());
        if (journeys.byId(checked.journey()).isEmpty()) {
            throw InvalidInputException.of("journey", "workshop.invalid.journey");
        }
        String code = JoinCodes.next();
        while (store.codeTaken(code)) {
            code = JoinCodes.next();
        }
        Workshop workshop = new Workshop(UUID.randomUUID(), checked.journey(), checked.title(), checked.day(), checked.anonymous(), code,
                Workshop.Status.OPEN, Workshop.Voting.NONE, 3, 1, facilitator.username(), clock.instant(), null, checked.departments());
        store.insert(workshop);
        checked.invited().forEach(name -> store.insertInvitee(workshop.id(), name));
        return workshop;
    }

    /** The open workshops the user was invited to and has not joined yet: they join without the code. */
    public List<Workshop> invitations(User user) {
        return store.invitedTo(user.username()).stream().filter(Workshop::isOpen)
                .filter(w -> store.participant(w.id(), user.username()).isEmpty()).toList();
    }

    /** An open workshop the user was invited to, for picking a department; refused when they were not listed. */
    public Workshop invitation(User user, UUID workshopId) {
        Workshop workshop = get(workshopId);
        if (!store.invited(workshopId, user.username())) {
            throw new WorkshopRefused("workshop.refused.notJoined");
        }
        mustBeOpen(workshop);
        return workshop;
    }

    /** Joins a workshop the user was listed for, without the code, for one of its departments. */
    @Transactional
    public Workshop joinInvited(User user, UUID workshopId, @Nullable String department) {
        return enter(user, invitation(user, workshopId), department);
    }

    public List<String> invitees(UUID workshop) {
        return store.invitees(workshop);
    }

    @Transactional
    public Group addGroup(User facilitator, UUID workshopId, @Nullable String name) {
        Workshop workshop = changeable(facilitator, workshopId);
        String checked = RequestValues.required("name", name, "workshop.invalid.groupName");
        if (checked.length() > 100) {
            throw InvalidInputException.of("name", "workshop.invalid.groupName");
        }
        Group group = new Group(UUID.randomUUID(), store.groups(workshop.id()).size() + 1, checked);
        store.insertGroup(workshop.id(), group);
        store.bump(workshop.id());
        return group;
    }

    /** Puts notes into groups (or out of any, with null): note id to group id. */
    @Transactional
    public void group(User facilitator, UUID workshopId, Map<UUID, @Nullable UUID> assignments) {
        Workshop workshop = changeable(facilitator, workshopId);
        List<UUID> groups = store.groups(workshop.id()).stream().map(Group::id).toList();
        List<UUID> items = store.items(workshop.id()).stream().map(Item::id).toList();
        assignments.forEach((item, group) -> {
            if (!items.contains(item)) {
                throw new NotFoundException("workshop.thing.item", item);
            }
            if (group != null && !groups.contains(group)) {
                throw InvalidInputException.of("group", "workshop.invalid.group");
            }
            store.setGroup(item, group);
        });
        store.bump(workshop.id());
    }

    /** Starts the dot vote with {@code dots} per participant; dots of an earlier round are removed. */
    @Transactional
    public void startVote(User facilitator, UUID workshopId, @Nullable String dots) {
        Workshop workshop = changeable(facilitator, workshopId);
        Integer n = RequestValues.require(RequestValues.whole("dots", dots, "workshop.invalid.dots"), "dots", "workshop.invalid.dots");
        if (n < 1 || n > MAX_DOTS) {
            throw InvalidInputException.of("dots", "workshop.invalid.dots");
        }
        store.deleteVotes(workshop.id());
        store.setVoting(workshop.id(), Workshop.Voting.OPEN, n);
        store.bump(workshop.id());
    }

    @Transactional
    public void closeVote(User facilitator, UUID workshopId) {
        Workshop workshop = changeable(facilitator, workshopId);
        if (workshop.voting() != Workshop.Voting.OPEN) {
            throw new ConflictException("workshop.conflict.noVote");
        }
        store.setVoting(workshop.id(), Workshop.Voting.CLOSED, workshop.dots());
        store.bump(workshop.id());
    }

    /** Closes the workshop: the board is read-only from now on; in an anonymous workshop no note says who wrote it. */
    @Transactional
    public void close(User facilitator, UUID workshopId) {
        Workshop workshop = changeable(facilitator, workshopId);
        store.close(workshop.id(), clock.instant());
        if (workshop.anonymous()) {
            store.forgetAuthors(workshop.id());
        }
        store.bump(workshop.id());
    }

    // Joining

    /**
     * The open workshop with this code, for a user about to join: a wrong code counts as a wrong try, and after too many
     * no code is tried at all for a while. A closed workshop's code is refused as such.
     */
    public Workshop byCode(User user, @Nullable String typed) {
        if (!attempts.allowed(user.username())) {
            throw InvalidInputException.of("code", "workshop.invalid.tooManyTries", JoinAttempts.WINDOW.toMinutes());
        }
        String code = JoinCodes.normalise(RequestValues.required("code", typed, "workshop.invalid.code"));
        Optional<Workshop> found = code.length() == JoinCodes.LENGTH ? store.byCode(code) : Optional.empty();
        if (found.isEmpty()) {
            attempts.wrong(user.username());
            throw InvalidInputException.of("code", "workshop.invalid.code");
        }
        if (!found.get().isOpen()) {
            throw InvalidInputException.of("code", "workshop.invalid.closed");
        }
        return found.get();
    }

    /** Joins (or, joined before, changes department) with the code and one of the workshop's departments. */
    @Transactional
    public Workshop join(User user, @Nullable String code, @Nullable String department) {
        return enter(user, byCode(user, code), department);
    }

    private Workshop enter(User user, Workshop workshop, @Nullable String department) {
        String chosen = workshop.departments().stream().filter(d -> d.equals(department == null ? null : department.strip())).findFirst()
                .orElseThrow(() -> InvalidInputException.of("department", "workshop.invalid.department"));
        Optional<Participant> earlier = store.participant(workshop.id(), user.username());
        if (earlier.isPresent()) {
            store.changeDepartment(earlier.get().id(), chosen);
        } else {
            store.insertParticipant(new Participant(UUID.randomUUID(), workshop.id(), user.username(), chosen, clock.instant()));
        }
        store.bump(workshop.id());
        return workshop;
    }

    // Notes

    @Transactional
    public Item add(User author, UUID workshopId, @Nullable String kind, @Nullable String place, @Nullable String text) {
        Workshop workshop = get(workshopId);
        Optional<Participant> participant = store.participant(workshopId, author.username());
        if (participant.isEmpty() && !manages(author)) {
            throw new WorkshopRefused("workshop.refused.notJoined");
        }
        mustBeOpen(workshop);
        Note note = note(workshop, kind, place, text);
        Instant now = clock.instant();
        Item item = new Item(UUID.randomUUID(), workshop.id(), note.place().stage(), note.place().touchpoint(), note.kind(), note.text(),
                author.username(), participant.map(Participant::department).orElse(null), null, null, now, now);
        store.insertItem(item);
        store.bump(workshop.id());
        if (item.kind() == ItemKind.ASSUMPTION) {
            events.publishEvent(noted(workshop, item));
        }
        return item;
    }

    /** Changes the author's own note while the workshop is open. */
    @Transactional
    public Item edit(User author, UUID workshopId, UUID itemId, @Nullable String kind, @Nullable String place, @Nullable String text) {
        Workshop workshop = get(workshopId);
        Item item = own(author, workshop, itemId);
        mustBeOpen(workshop);
        Note note = note(workshop, kind, place, text);
        store.updateItem(item.id(), note.place().stage(), note.place().touchpoint(), note.kind(), note.text(), clock.instant());
        store.bump(workshop.id());
        Item changed = store.item(item.id()).orElseThrow();
        if (changed.kind() == ItemKind.ASSUMPTION && item.kind() != ItemKind.ASSUMPTION) {
            events.publishEvent(noted(workshop, changed));
        }
        return changed;
    }

    /** Deletes a note: the author's own, or any note for the facilitator (a note that names a customer, say). */
    @Transactional
    public void delete(User user, UUID workshopId, UUID itemId) {
        Workshop workshop = get(workshopId);
        Item item = store.item(itemId).filter(i -> i.workshop().equals(workshopId))
                .orElseThrow(() -> new NotFoundException("workshop.thing.item", itemId));
        if (!manages(user) && !user.username().equals(item.staffRef())) {
            throw new WorkshopRefused("workshop.refused.notYours");
        }
        mustBeOpen(workshop);
        store.deleteItem(item.id());
        store.bump(workshop.id());
    }

    /** The user's own note of this workshop, for editing. */
    public Item own(User author, Workshop workshop, UUID itemId) {
        Item item = store.item(itemId).filter(i -> i.workshop().equals(workshop.id()))
                .orElseThrow(() -> new NotFoundException("workshop.thing.item", itemId));
        if (!author.username().equals(item.staffRef())) {
            throw new WorkshopRefused("workshop.refused.notYours");
        }
        return item;
    }

    // Voting

    @Transactional
    public void vote(User user, UUID workshopId, UUID itemId) {
        Workshop workshop = get(workshopId);
        if (store.participant(workshopId, user.username()).isEmpty()) {
            throw new WorkshopRefused("workshop.refused.notJoined");
        }
        mustBeOpen(workshop);
        if (!workshop.votingOpen()) {
            throw new ConflictException("workshop.conflict.noVote");
        }
        store.bump(workshop.id()); // locks the workshop's row: two quick clicks cannot both take the last dot
        if (store.item(itemId).filter(i -> i.workshop().equals(workshopId)).isEmpty()) {
            throw new NotFoundException("workshop.thing.item", itemId);
        }
        int used = store.votesOf(workshopId, user.username()).values().stream().mapToInt(Integer::intValue).sum();
        if (used >= workshop.dots()) {
            throw new ConflictException("workshop.conflict.noDotsLeft", workshop.dots());
        }
        store.insertVote(workshopId, itemId, user.username(), clock.instant());
    }

    @Transactional
    public void unvote(User user, UUID workshopId, UUID itemId) {
        Workshop workshop = get(workshopId);
        mustBeOpen(workshop);
        if (!workshop.votingOpen()) {
            throw new ConflictException("workshop.conflict.noVote");
        }
        if (store.deleteOneVote(itemId, user.username())) {
            store.bump(workshop.id());
        }
    }

    /** Stores a vote as given: for the demo's history. */
    public void recordVote(UUID workshop, UUID item, String staffRef, Instant at) {
        store.insertVote(workshop, item, staffRef, at);
    }

    // Helpers

    private record Note(ItemKind kind, Place place, String text) {
    }

    private Note note(Workshop workshop, @Nullable String kind, @Nullable String place, @Nullable String text) {
        List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
        ItemKind checkedKind = RequestValues.collecting(errors,
                () -> RequestValues.requiredChoice("kind", kind, ItemKind.class, "workshop.invalid.kind"));
        Place checkedPlace = RequestValues.collecting(errors, () -> Place.read("place", place, journey(workshop)));
        String checkedText = RequestValues.collecting(errors, () -> {
            String t = RequestValues.required("text", text, "workshop.invalid.text", MAX_TEXT);
            if (t.length() > MAX_TEXT) {
                throw InvalidInputException.of("text", "workshop.invalid.text", MAX_TEXT);
            }
            return t;
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Note(checkedKind, checkedPlace, checkedText);
    }

    private Workshop changeable(User facilitator, UUID workshopId) {
        mustManage(facilitator);
        Workshop workshop = get(workshopId);
        mustBeOpen(workshop);
        return workshop;
    }

    private static void mustManage(User user) {
        if (!manages(user)) {
            throw new WorkshopRefused("workshop.refused.facilitatorOnly");
        }
    }

    private static void mustBeOpen(Workshop workshop) {
        if (!workshop.isOpen()) {
            throw new ConflictException("workshop.conflict.closed");
        }
    }

    static AssumptionNoted noted(Workshop workshop, Item item) {
        return new AssumptionNoted(workshop.id(), item.id(), workshop.journey(), item.stage(), item.touchpoint(), item.text(),
                item.department());
    }

    /** Today in the given zone, for a new workshop's default day. */
    public LocalDate today(java.time.ZoneId zone) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
