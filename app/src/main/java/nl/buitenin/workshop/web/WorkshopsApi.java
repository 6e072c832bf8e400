package nl.buitenin.workshop.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.journey.Journey;
import nl.buitenin.journey.Stage;
import nl.buitenin.journey.Touchpoint;
import nl.buitenin.platform.TableFile;
import nl.buitenin.workshop.internal.Group;
import nl.buitenin.workshop.internal.Item;
import nl.buitenin.workshop.internal.Participant;
import nl.buitenin.workshop.internal.Workshop;
import nl.buitenin.workshop.internal.Workshops;

/**
 * Workshops as data, for analysts and administrators (and API keys with the read scope): the list, one workshop with its
 * notes, groups and departments, and its notes as CSV. Authors are named (by user name) only in a workshop that is not
 * anonymous; dots only once the vote is closed.
 */
@RestController
@RequestMapping("/api/v1/workshops")
@Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
class WorkshopsApi {

    private final Workshops workshops;
    WorkshopsApi(Workshops workshops) {
        this.workshops = workshops;
    }

    @Schema(name = "WorkshopSummary", description = "A workshop on a journey, without its notes")
    record WorkshopSummaryJson(UUID id, String title, LocalDate day, UUID journeyId,
            @Schema(description = "open or closed") String status, boolean anonymous, List<String> departments) {

        static WorkshopSummaryJson of(Workshop w) {
            return new WorkshopSummaryJson(w.id(), w.title(), w.heldOn(), w.journey().value(), w.status().name().toLowerCase(Locale.ROOT),
                    w.anonymous(), w.departments());
        }
    }

    @Schema(name = "Workshop", description = "A workshop with its notes, groups and the departments present")
    record WorkshopJson(UUID id, String title, LocalDate day, UUID journeyId, String journeyNl, String journeyEn,
            @Schema(description = "open or closed") String status, boolean anonymous,
            @Schema(description = "none, open (dots can be placed, counts hidden) or closed (counts shown)") String voting,
            @Schema(description = "dots per participant in the vote") int dots,
            @Schema(description = "the join code, while the workshop is open") @Nullable String joinCode,
            List<String> departments, @Schema(description = "the departments of those who joined") List<String> departmentsPresent,
            int participants, List<WorkshopGroupJson> groups, List<WorkshopItemJson> items, Instant createdAt, @Nullable Instant closedAt) {
    }

    @Schema(name = "WorkshopGroup", description = "A named group of notes; votes summed once the vote is closed")
    record WorkshopGroupJson(UUID id, String name, @Nullable Integer votes) {
    }

    @Schema(name = "WorkshopItem", description = "A note on a stage or touchpoint of the workshop's journey")
    record WorkshopItemJson(UUID id, @Schema(description = "pain_point, moment_that_matters, idea or assumption") String kind, String text,
            UUID stageId, String stageNl, String stageEn, @Nullable UUID touchpointId, @Nullable String touchpointNl,
            @Nullable String touchpointEn, @Nullable String department,
            @Schema(description = "the author's user name; null in an anonymous workshop") @Nullable String author,
            @Nullable UUID groupId, @Schema(description = "dots, once the vote is closed") @Nullable Integer votes,
            @Schema(description = "the record that tests this assumption, once handed over") @Nullable UUID assumptionRef,
            Instant createdAt) {
    }

    @GetMapping
    @Operation(summary = "Every workshop, the latest day first")
    List<WorkshopSummaryJson> all() {
        return workshops.all().stream().map(WorkshopSummaryJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One workshop with its notes, groups and departments")
    WorkshopJson one(@PathVariable UUID id) {
        Workshop w = workshops.get(id);
        Journey journey = workshops.journey(w);
        List<Item> items = workshops.items(id);
        Map<UUID, Integer> votes = workshops.votes(w);
        List<WorkshopItemJson> itemJson = items.stream().map(i -> item(w, journey, i, votes)).toList();
        List<WorkshopGroupJson> groups = workshops.groups(id).stream().map(g -> new WorkshopGroupJson(g.id(), g.name(),
                w.votesShown() ? items.stream().filter(i -> g.id().equals(i.group())).mapToInt(i -> votes.getOrDefault(i.id(), 0)).sum() : null))
                .toList();
        List<Participant> participants = workshops.participants(id);
        return new WorkshopJson(w.id(), w.title(), w.heldOn(), w.journey().value(), journey.nameNl(), journey.nameEn(),
                w.status().name().toLowerCase(Locale.ROOT), w.anonymous(), w.voting().name().toLowerCase(Locale.ROOT), w.dots(),
                w.isOpen() ? w.joinCode() : null, w.departments(),
                participants.stream().map(Participant::department).distinct().toList(), participants.size(), groups, itemJson,
                w.createdAt(), w.closedAt());
    }

    static final List<String> COLUMNS = List.of("id", "kind", "text", "stage", "touchpoint", "department", "author", "group", "votes",
            "created");

    @GetMapping(value = "/{id}/items.csv", produces = "text/csv")
    @Operation(summary = "The workshop's notes as CSV (UTF-8, RFC 4180): stage and touchpoint by name, in Dutch")
    ResponseEntity<byte[]> csv(@PathVariable UUID id) {
        Workshop w = workshops.get(id);
        Journey journey = workshops.journey(w);
        Map<UUID, Integer> votes = workshops.votes(w);
        Map<UUID, Group> groups = workshops.groups(id).stream().collect(Collectors.toMap(Group::id, Function.identity()));
        TableFile table = TableFile.of("notes", COLUMNS);
        for (Item i : workshops.items(id)) {
            WorkshopItemJson json = item(w, journey, i, votes);
            List<@Nullable Object> cells = new ArrayList<>(Arrays.asList(json.id().toString(), json.kind(), json.text(), json.stageNl(),
                    json.touchpointNl(), json.department(), json.author(), i.group() == null ? null : groups.get(i.group()).name(),
                    json.votes(), json.createdAt().toString()));
            table.row(cells);
        }
        return table.download(TableFile.Format.CSV, "workshop-" + w.heldOn());
    }

    private WorkshopItemJson item(Workshop w, Journey journey, Item i, Map<UUID, Integer> votes) {
        Stage stage = journey.stages().stream().filter(s -> s.id().equals(i.stage())).findFirst().orElse(null);
        Touchpoint touchpoint = stage == null || i.touchpoint() == null ? null
                : stage.touchpoints().stream().filter(t -> t.id().equals(i.touchpoint())).findFirst().orElse(null);
        return new WorkshopItemJson(i.id(), i.kind().code(), i.text(), i.stage().value(), stage == null ? "" : stage.nameNl(),
                stage == null ? "" : stage.nameEn(), i.touchpoint() == null ? null : i.touchpoint().value(),
                touchpoint == null ? null : touchpoint.nameNl(), touchpoint == null ? null : touchpoint.nameEn(), i.department(),
                w.anonymous() ? null : i.staffRef(), i.group(), w.votesShown() ? votes.getOrDefault(i.id(), 0) : null, i.assumptionRef(),
                i.createdAt());
    }
}
