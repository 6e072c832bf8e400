package nl.buitenin.workshop.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import nl.buitenin.access.User;
import nl.buitenin.assumptions.AssumptionResult;
import nl.buitenin.access.Users;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.workshop.internal.Group;
import nl.buitenin.workshop.internal.Item;
import nl.buitenin.workshop.internal.Participant;
import nl.buitenin.workshop.internal.Place;
import nl.buitenin.workshop.internal.Workshop;
import nl.buitenin.workshop.internal.Workshops;

/**
 * The board as one reader sees it: the journey's stages as columns with their touchpoints (names in the reader's
 * language), the notes on each, and what the reader may do with them. Authors are named only when the workshop is not
 * anonymous; dots are counted only after the vote closed.
 */
record BoardView(UUID id, long version, String title, String journey, boolean open, boolean anonymous, boolean votingOpen,
        boolean votesShown, int dots, int dotsLeft, boolean manager, boolean joined, List<Column> columns, List<GroupView> groups,
        List<String> departmentsPresent, int participants, int notes, List<NoteView> held) {

    record Column(String name, List<NoteView> notes, List<Card> touchpoints) {
    }

    record Card(String name, List<NoteView> notes) {
    }

    record NoteView(UUID id, String kindKey, String css, String text, @Nullable String department, @Nullable String author,
            @Nullable String group, @Nullable Integer votes, int myDots, boolean mine, boolean deletable, String place,
            @Nullable String verdict, @Nullable String verdictCss) {
    }

    record GroupView(String name, List<NoteView> notes, int votes) {
    }

    static BoardView of(Workshops workshops, Workshop workshop, User reader, Users users, Locale locale) {
        return of(workshops, workshop, reader, users, locale, Map.of());
    }

    /**
     * The board with, next to each assumption note that was handed over, its verdict in words (the explanation of its
     * last test, in the reader's language): which assumptions held.
     */
    static BoardView of(Workshops workshops, Workshop workshop, User reader, Users users, Locale locale,
            Map<UUID, AssumptionResult> verdicts) {
        Journey journey = workshops.journey(workshop);
        List<Item> items = workshops.items(workshop.id());
        Map<UUID, Group> groups = workshops.groups(workshop.id()).stream().collect(Collectors.toMap(Group::id, Function.identity()));
        Map<UUID, Integer> votes = workshops.votes(workshop);
        Map<UUID, Integer> mine = workshops.votesOf(workshop, reader);
        boolean manager = Workshops.manages(reader);
        List<Participant> participants = workshops.participants(workshop.id());
        boolean joined = participants.stream().anyMatch(p -> reader.username().equals(p.staffRef()));
        Map<String, String> names = new java.util.HashMap<>();
        Function<Item, NoteView> note = item -> {
            String place = placeName(journey, item, locale);
            String author = workshop.anonymous() || item.staffRef() == null ? null
                    : names.computeIfAbsent(item.staffRef(), ref -> users.byUsername(ref).map(User::displayName).orElse(ref));
            Group group = item.group() == null ? null : groups.get(item.group());
            boolean own = reader.username().equals(item.staffRef());
            AssumptionResult held = item.assumptionRef() == null ? null : verdicts.get(item.assumptionRef());
            return new NoteView(item.id(), item.kind().messageKey(), item.kind().css(), item.text(), item.department(), author,
                    group == null ? null : group.name(), workshop.votesShown() ? votes.getOrDefault(item.id(), 0) : null,
                    mine.getOrDefault(item.id(), 0), own && workshop.isOpen(), (own || manager) && workshop.isOpen(), place,
                    held == null ? null : held.explanation(),
                    held == null ? null : "verdict-" + held.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        };
        List<Column> columns = new ArrayList<>();
        for (Stage stage : journey.stages()) {
            List<NoteView> onStage = items.stream().filter(i -> i.stage().equals(stage.id()) && i.touchpoint() == null).map(note).toList();
            List<Card> cards = new ArrayList<>();
            for (Touchpoint touchpoint : stage.touchpoints()) {
                List<NoteView> onCard = items.stream().filter(i -> touchpoint.id().equals(i.touchpoint())).map(note).toList();
                if (!touchpoint.archived() || !onCard.isEmpty()) {
                    cards.add(new Card(touchpoint.name(locale), onCard));
                }
            }
            if (!stage.archived() || !onStage.isEmpty() || cards.stream().anyMatch(c -> !c.notes().isEmpty())) {
                columns.add(new Column(stage.name(locale), onStage, cards));
            }
        }
        List<GroupView> groupViews = groups.values().stream().sorted(java.util.Comparator.comparingInt(Group::position)).map(g -> {
            List<NoteView> in = items.stream().filter(i -> g.id().equals(i.group())).map(note).toList();
            return new GroupView(g.name(), in, in.stream().map(NoteView::votes).filter(Objects::nonNull).mapToInt(Integer::intValue).sum());
        }).toList();
        List<String> present = new ArrayList<>(participants.stream().map(Participant::department)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        int used = mine.values().stream().mapToInt(Integer::intValue).sum();
        return new BoardView(workshop.id(), workshop.version(), workshop.title(), journey.name(locale), workshop.isOpen(),
                workshop.anonymous(), workshop.votingOpen(), workshop.votesShown(), workshop.dots(), Math.max(0, workshop.dots() - used),
                manager, joined, columns, groupViews, present, participants.size(), items.size(),
                items.stream().filter(i -> i.kind() == nl.buitenin.workshop.internal.ItemKind.ASSUMPTION).map(note)
                        .filter(n -> n.verdict() != null).toList());
    }

    /** "Boeken · Boeken per telefoon", or the stage alone for a note on the stage. */
    static String placeName(Journey journey, Item item, Locale locale) {
        for (Stage stage : journey.stages()) {
            if (stage.id().equals(item.stage())) {
                if (item.touchpoint() == null) {
                    return stage.name(locale);
                }
                for (Touchpoint touchpoint : stage.touchpoints()) {
                    if (touchpoint.id().equals(item.touchpoint())) {
                        return stage.name(locale) + " · " + touchpoint.name(locale);
                    }
                }
            }
        }
        return "";
    }

    /** The places a note can go, for the form's list: per stage the stage as a whole and its touchpoints. */
    record PlaceOption(String value, String label) {
    }

    record StageOption(String label, PlaceOption stage, List<PlaceOption> touchpoints) {
    }

    static List<StageOption> places(Journey journey, Locale locale) {
        List<StageOption> options = new ArrayList<>();
        for (Stage stage : journey.stages()) {
            if (stage.archived()) {
                continue;
            }
            List<PlaceOption> touchpoints = stage.touchpoints().stream().filter(t -> !t.archived())
                    .map(t -> new PlaceOption(new Place(stage.id(), t.id()).value(), t.name(locale))).toList();
            options.add(new StageOption(stage.name(locale), new PlaceOption(new Place(stage.id(), null).value(), stage.name(locale)),
                    touchpoints));
        }
        return options;
    }
}
