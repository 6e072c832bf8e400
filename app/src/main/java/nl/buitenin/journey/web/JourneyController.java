package nl.buitenin.journey.web;

import java.io.IOException;
import java.io.Reader;
import java.util.UUID;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import nl.buitenin.access.Allow;
import nl.buitenin.platform.CsvInput;
import nl.buitenin.access.Role;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.JourneyId;
import nl.buitenin.journey.StageId;
import nl.buitenin.journey.internal.CsvImport;
import nl.buitenin.journey.internal.InteractionCsv;
import nl.buitenin.journey.internal.JdbcJourneys;
import nl.buitenin.journey.internal.Names;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;

/** The journey pages: everybody reads the map of journeys; analysts and administrators change it. */
@PageController
@Allow({Role.ADMIN, Role.ANALYST, Role.AGENT, Role.PLANNER})
class JourneyController {

    private final JdbcJourneys journeys;
    private final CsvImport csvImport;

    JourneyController(JdbcJourneys journeys, CsvImport csvImport) {
        this.journeys = journeys;
        this.csvImport = csvImport;
    }

    @GetMapping("/journeys")
    String list(Model model) {
        // Archived journeys stay listed (marked) so they can be opened and restored.
        model.addAttribute("journeys", journeys.allIncludingArchived());
        return "journey/journeys";
    }

    @PostMapping("/journeys")
    @Allow({Role.ADMIN, Role.ANALYST})
    String create(@RequestParam(required = false) String nameNl, @RequestParam(required = false) String nameEn, Model model) {
        try {
            JourneyId id = journeys.createJourney(new Names(nameNl, nameEn));
            return "redirect:/journeys/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return list(model);
        }
    }

    @GetMapping("/journeys/{id}")
    String journey(@PathVariable UUID id, Model model) {
        model.addAttribute("journey", journeys.byId(new JourneyId(id)).orElseThrow(() -> new NotFoundException("journey.thing.journey", id)));
        model.addAttribute("channels", Channel.values());
        return "journey/journey";
    }

    @PostMapping("/journeys/{id}/stages")
    @Allow({Role.ADMIN, Role.ANALYST})
    String addStage(@PathVariable UUID id, @RequestParam(required = false) String nameNl,
            @RequestParam(required = false) String nameEn, Model model) {
        try {
            journeys.addStage(new JourneyId(id), new Names(nameNl, nameEn));
            return "redirect:/journeys/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return journey(id, model);
        }
    }

    @PostMapping("/journeys/{id}/touchpoints")
    @Allow({Role.ADMIN, Role.ANALYST})
    String addTouchpoint(@PathVariable UUID id, @RequestParam(required = false) UUID stage,
            @RequestParam(required = false) String nameNl, @RequestParam(required = false) String nameEn,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String location, Model model) {
        try {
            if (stage == null) {
                throw InvalidInputException.of("stage", "journey.invalid.stage");
            }
            journeys.addTouchpoint(new StageId(stage), new Names(nameNl, nameEn), JourneysApi.channel(channel), location);
            return "redirect:/journeys/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
            return journey(id, model);
        }
    }

    @GetMapping("/interactions/import")
    @Allow({Role.ADMIN, Role.ANALYST})
    String importForm(Model model) {
        model.addAttribute("columns", String.join(",", InteractionCsv.COLUMNS));
        return "journey/import";
    }

    @PostMapping("/interactions/import")
    @Allow({Role.ADMIN, Role.ANALYST})
    String importCsv(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "journey.invalid.chooseFile");
            }
            try (Reader reader = CsvInput.utf8(file.getInputStream())) {
                model.addAttribute("report", csvImport.importCsv(reader));
            }
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.errors());
        }
        return importForm(model);
    }
}
