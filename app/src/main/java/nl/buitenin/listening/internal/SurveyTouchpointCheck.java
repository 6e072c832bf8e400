package nl.buitenin.listening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import nl.buitenin.journey.Touchpoint;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * Makes sure a survey is for touchpoints that exist and are in use. A touchpoint archived after the survey
 * chose it stays allowed: the survey's history names it, and re-saving the survey unchanged must not fail.
 */
@Component
class SurveyTouchpointCheck {

    private final Touchpoints touchpoints;

    SurveyTouchpointCheck(Touchpoints touchpoints) {
        this.touchpoints = touchpoints;
    }

    /** Throws naming every touchpoint that is unknown, or archived and not already in {@code alreadyChosen}. */
    void check(List<TouchpointId> chosen, List<TouchpointId> alreadyChosen) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            TouchpointId id = chosen.get(i);
            String field = "touchpoints[" + i + "]";
            Optional<Touchpoint> touchpoint = touchpoints.byId(id);
            if (touchpoint.isEmpty()) {
                errors.add(FieldError.of(field, "listening.invalid.survey.unknownTouchpoint", id.toString()));
            } else if (touchpoint.get().archived() && !alreadyChosen.contains(id)) {
                // Both names go along; each language's text shows its own.
                errors.add(FieldError.of(field, "listening.invalid.survey.archivedTouchpoint", touchpoint.get().nameNl(),
                        touchpoint.get().nameEn()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
