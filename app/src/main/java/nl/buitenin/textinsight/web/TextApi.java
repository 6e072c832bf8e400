package nl.buitenin.textinsight.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;
import nl.buitenin.insight.text.SentimentLabel;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.textinsight.TextSource;
import nl.buitenin.textinsight.internal.Analyses;
import nl.buitenin.textinsight.internal.TextViews;

/**
 * What the text analysis read in a response's free-text answers, a note or a case: language, sentiment, label (the
 * analyst's when corrected) and the sentences with their sentiment. An analyst (or a machine with an ingest key)
 * corrects the label; corrections are kept as labelled examples.
 */
@RestController
class TextApi {

    private final TextViews views;
    private final Analyses analyses;
    private final Clock clock;

    TextApi(TextViews views, Analyses analyses, Clock clock) {
        this.views = views;
        this.analyses = analyses;
        this.clock = clock;
    }

    @Schema(name = "TextSentence")
    record SentenceJson(String text, double sentiment, String label) {
    }

    @Schema(name = "TextAnalysis")
    record TextJson(@Schema(description = "nl or en") String language, @Schema(description = "-1..1") double sentiment,
            @Schema(description = "negative, neutral or positive; the analyst's when corrected") String label,
            @Schema(description = "the label the analysis gave") String analysedLabel, boolean corrected,
            @Nullable Instant correctedAt,
            @Schema(description = "true when the text may not be read now (purpose, retention): no sentences") boolean textWithheld,
            List<SentenceJson> sentences) {
    }

    @Schema(name = "TextLabel")
    record LabelJson(@Schema(description = "negative, neutral or positive", example = "negative") @Nullable String label) {
    }

    @GetMapping("/api/v1/responses/{id}/text")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Language, sentiment and sentences of a completed response's free-text answers")
    TextJson response(@PathVariable UUID id) {
        return view(TextSource.COMMENT, id);
    }

    @GetMapping("/api/v1/notes/{id}/text")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Language, sentiment and sentences of a note")
    TextJson note(@PathVariable UUID id) {
        return view(TextSource.NOTE, id);
    }

    @GetMapping("/api/v1/cases/{id}/text")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.READ)
    @Operation(summary = "Language, sentiment and sentences of what a person said when a case was opened")
    TextJson caseText(@PathVariable UUID id) {
        return view(TextSource.CASE, id);
    }

    @PutMapping("/api/v1/responses/{id}/text/label")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Correct the sentiment label of a response's free-text answers")
    TextJson correctResponse(@PathVariable UUID id, @RequestBody(required = false) @Nullable LabelJson body, Authentication caller) {
        return correct(TextSource.COMMENT, id, body, caller);
    }

    @PutMapping("/api/v1/notes/{id}/text/label")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Correct the sentiment label of a note")
    TextJson correctNote(@PathVariable UUID id, @RequestBody(required = false) @Nullable LabelJson body, Authentication caller) {
        return correct(TextSource.NOTE, id, body, caller);
    }

    @PutMapping("/api/v1/cases/{id}/text/label")
    @Allow(value = {Role.ADMIN, Role.ANALYST}, scopes = Scope.INGEST)
    @Operation(summary = "Correct the sentiment label of a case's text")
    TextJson correctCase(@PathVariable UUID id, @RequestBody(required = false) @Nullable LabelJson body, Authentication caller) {
        return correct(TextSource.CASE, id, body, caller);
    }

    private TextJson correct(TextSource source, UUID id, @Nullable LabelJson body, Authentication caller) {
        SentimentLabel label = RequestValues.requiredChoice("label", body == null ? null : body.label(), SentimentLabel.class,
                "textinsight.invalid.label");
        if (!analyses.correct(source, id.toString(), label, caller.getName(), clock.instant())) {
            throw notFound(source, id);
        }
        return view(source, id);
    }

    private TextJson view(TextSource source, UUID id) {
        TextViews.View view = views.view(source, id).orElseThrow(() -> notFound(source, id));
        return new TextJson(view.language().code(), view.sentiment(), view.label().code(), view.analysedLabel().code(),
                view.correctedAt() != null, view.correctedAt(), view.textWithheld(),
                view.sentences().stream().map(s -> new SentenceJson(s.text(), s.sentiment(), s.label().code())).toList());
    }

    private static NotFoundException notFound(TextSource source, UUID id) {
        return new NotFoundException("textinsight.thing." + source.name().toLowerCase(java.util.Locale.ROOT), id);
    }
}
