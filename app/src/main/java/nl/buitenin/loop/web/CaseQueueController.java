package nl.buitenin.loop.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.buitenin.access.Allow;
import nl.buitenin.access.Role;
import nl.buitenin.access.User;
import nl.buitenin.journey.Channel;
import nl.buitenin.journey.TouchpointId;
import nl.buitenin.listening.TextSentiment;
import nl.buitenin.journey.Touchpoints;
import nl.buitenin.listening.Comment;
import nl.buitenin.listening.Comments;
import nl.buitenin.listening.DescribedResponse;
import nl.buitenin.listening.ResponseDescriptions;
import nl.buitenin.loop.CaseId;
import nl.buitenin.loop.CaseSource;
import nl.buitenin.loop.CaseType;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.TextSentiments;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging;
import nl.buitenin.loop.internal.CallbackOutcome;
import nl.buitenin.loop.internal.CaseFile;
import nl.buitenin.loop.internal.CaseFiles;
import nl.buitenin.loop.internal.CaseTypes;
import nl.buitenin.loop.internal.CaseWork;
import nl.buitenin.loop.internal.TellBackCalls;
import nl.buitenin.loop.internal.Themes;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;
import nl.buitenin.platform.PageController;
import nl.buitenin.platform.RequestValues;
import nl.buitenin.privacy.ContactDetails;
import nl.buitenin.privacy.PersonKey;
import nl.buitenin.privacy.Persons;
import nl.buitenin.privacy.PurposeGuard;
import nl.buitenin.privacy.PurposeId;
import nl.buitenin.privacy.PurposeRefusedException;

/** The agent's queue, a case with its notes, call-backs and history, and the complaint form. */
@PageController
@Allow(Role.AGENT)
class CaseQueueController {

    private final CaseWork work;
    private final CaseFiles cases;
    private final CaseTypes types;
    private final Themes themes;
    private final LoopPages pages;
    private final TellBackCalls tellBack;
    private final ObjectProvider<TextSentiments> sentiments;
    private final Touchpoints touchpoints;
    private final ResponseDescriptions responses;
    private final Comments comments;
    private final PurposeGuard purposes;
    private final Persons persons;

    CaseQueueController(CaseWork work, CaseFiles cases, CaseTypes types, Themes themes, LoopPages pages, TellBackCalls tellBack,
            Touchpoints touchpoints, ResponseDescriptions responses, Comments comments, PurposeGuard purposes, Persons persons,
            ObjectProvider<TextSentiments> sentiments) {
        this.persons = persons;
        this.sentiments = sentiments;
        this.touchpoints = touchpoints;
        this.responses = responses;
        this.comments = comments;
        this.purposes = purposes;
        this.tellBack = tellBack;
        this.work = work;
        this.cases = cases;
        this.types = types;
        this.themes = themes;
        this.pages = pages;
    }

    /**
     * Open cases are those still to be worked (new or contacted); resolved cases wait only to be closed, and are listed
     * apart so that "open" means what an agent still has to do.
     */
    @GetMapping("/cases")
    String queue(Model model, Locale locale) {
        User me = pages.me();
        List<CaseFile> team = me.team() == null ? List.of() : cases.openOfTeam(me.team(), 500);
        List<CaseFile> mine = cases.openOwnedBy(me.id().value(), 500);
        List<CaseFile> others = team.stream().filter(c -> !me.id().value().equals(c.owner())).toList();
        model.addAttribute("mine", pages.views(mine.stream().filter(CaseFile::canWork).toList(), locale));
        model.addAttribute("team", pages.views(others.stream().filter(CaseFile::canWork).toList(), locale));
        model.addAttribute("resolved", pages.views(java.util.stream.Stream.concat(mine.stream(), others.stream())
                .filter(c -> !c.canWork()).toList(), locale));
        model.addAttribute("teamName", me.team());
        model.addAttribute("tellBack", tellBack.openFor(me));
        model.addAttribute("outcomes", CallbackOutcome.values());
        model.addAttribute("zone", pages.zone());
        return "loop/queue";
    }

    @GetMapping("/cases/{id}")
    String detail(@PathVariable UUID id, Model model, Locale locale) {
        User me = pages.me();
        CaseFile c = work.visibleTo(me, new CaseId(id));
        model.addAttribute("c", pages.view(c, locale));
        model.addAttribute("open", c.status().isOpen());
        model.addAttribute("canWork", c.canWork());
        model.addAttribute("canClose", c.canClose());
        model.addAttribute("canReopen", c.canReopen());
        model.addAttribute("outcome", c.outcome());
        model.addAttribute("personName", personName(c));
        model.addAttribute("touchpoint", c.touchpoint() == null ? null
                : touchpoints.byId(c.touchpoint()).map(t -> t.name(locale)).orElse(null));
        answer(c, model, locale);
        model.addAttribute("notes", cases.notes(c.id()));
        model.addAttribute("callbacks", cases.callbacks(c.id()));
        Map<String, String> names = userNamesByUsername();
        model.addAttribute("history", cases.history(c.id()).stream().map(h -> historyLine(h, c.channel(), names, locale)).toList());
        model.addAttribute("tags", themes.tagsOf(c.id()));
        model.addAttribute("themes", themes.all());
        model.addAttribute("outcomes", CallbackOutcome.values());
        model.addAttribute("zone", pages.zone());
        TextSentiments reader = sentiments.getIfAvailable();
        model.addAttribute("readsSentiment", reader != null);
        model.addAttribute("sentiment", reader == null ? null : reader.of(List.of(TagSubject.of(c.id()))).get(TagSubject.of(c.id())));
        model.addAttribute("mayCorrectSentiment", mayCorrectSentiment(me));
        return "loop/case";
    }

    /**
     * Who the case is about, in words: the person's name, read under the purpose "complaint handling" (the same read as
     * the call-back's contact details, so it is logged), or an empty string when the purpose refuses it or no name is
     * known, which the page shows as "customer without a name"; null for an anonymous case. Never the person key.
     */
    private @Nullable String personName(CaseFile c) {
        if (c.person() == null) {
            return null;
        }
        try {
            return persons.contactDetails(c.person(), PurposeId.COMPLAINT_HANDLING)
                    .map(ContactDetails::name).filter(name -> !name.isBlank()).orElse("");
        } catch (PurposeRefusedException e) {
            return "";
        }
    }

    /** An analyst corrects the sentiment read in the case's text; an agent sees it and cannot. */
    @PostMapping("/cases/{id}/sentiment")
    @Allow({Role.ADMIN, Role.ANALYST})
    String correctSentiment(@PathVariable UUID id, @RequestParam(required = false) @Nullable String label, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            User me = pages.me();
            CaseFile c = work.visibleTo(me, new CaseId(id));
            TextSentiment.Label chosen = RequestValues.requiredChoice("label", label, TextSentiment.Label.class, "loop.invalid.sentiment");
            TextSentiments reader = sentiments.getIfAvailable();
            if (reader == null || !reader.correct(TagSubject.of(c.id()), chosen, me.username())) {
                throw new NotFoundException("loop.thing.sentiment", id);
            }
        });
    }

    private static boolean mayCorrectSentiment(User user) {
        return user.roles().contains(Role.ADMIN) || user.roles().contains(Role.ANALYST);
    }

    @PostMapping("/cases/{id}/notes")
    String addNote(@PathVariable UUID id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> work.addNote(pages.me(), new CaseId(id), text), "loop.done.note");
    }

    @PostMapping("/cases/{id}/callbacks")
    String callBack(@PathVariable UUID id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        // Saved with its outcome in words, so the agent sees at once what was recorded.
        return act(id, redirect, () -> work.callBack(pages.me(), new CaseId(id), parseOutcome(outcome), note),
                "loop.done.callback." + (RequestValues.blank(outcome) ? "" : outcome.strip().toLowerCase(Locale.ROOT)));
    }

    @PostMapping("/cases/{id}/resolve")
    String resolve(@PathVariable UUID id, @RequestParam(required = false) String outcome, RedirectAttributes redirect) {
        return act(id, redirect, () -> work.resolve(pages.me(), new CaseId(id), outcome), "loop.done.resolved");
    }

    @PostMapping("/cases/{id}/close")
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, redirect, () -> work.close(pages.me(), new CaseId(id)), "loop.done.closed");
    }

    @PostMapping("/cases/{id}/reopen")
    String reopen(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, () -> work.reopen(pages.me(), new CaseId(id), reason), "loop.done.reopened");
    }

    @PostMapping("/cases/{id}/themes")
    String tag(@PathVariable UUID id, @RequestParam(required = false) UUID theme, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            User me = pages.me();
            CaseFile c = work.visibleTo(me, new CaseId(id));
            if (theme == null) {
                throw InvalidInputException.of("theme", "loop.invalid.theme");
            }
            themes.tag(c.id(), new ThemeId(theme), me.username(), ThemeTagging.Tagger.USER);
        });
    }

    @PostMapping("/cases/{id}/themes/{theme}/remove")
    String untag(@PathVariable UUID id, @PathVariable UUID theme, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            CaseFile c = work.visibleTo(pages.me(), new CaseId(id));
            themes.untag(c.id(), new ThemeId(theme));
        });
    }

    /** Accepts the suggester's theme on a case the user may see: it becomes a confirmed tag. */
    @PostMapping("/cases/{id}/themes/{theme}/confirm")
    String confirmTag(@PathVariable UUID id, @PathVariable UUID theme, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            User me = pages.me();
            CaseFile c = work.visibleTo(me, new CaseId(id));
            themes.confirm(TagSubject.of(c.id()), new ThemeId(theme), me.username());
        });
    }

    /** Rejects the suggester's theme on a case the user may see: it goes, and is not suggested again. */
    @PostMapping("/cases/{id}/themes/{theme}/reject")
    String rejectTag(@PathVariable UUID id, @PathVariable UUID theme, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            User me = pages.me();
            CaseFile c = work.visibleTo(me, new CaseId(id));
            themes.reject(TagSubject.of(c.id()), new ThemeId(theme), me.username());
        });
    }

    @GetMapping("/cases/new")
    String complaintForm(Model model) {
        model.addAttribute("types", types.all());
        model.addAttribute("channels", Channel.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "loop/new-case";
    }

    @PostMapping("/cases/new")
    String openComplaint(@RequestParam(required = false) String type, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String personKey, @RequestParam(required = false) String touchpoint,
            @RequestParam(required = false) String text, Model model) {
        User me = pages.me();
        List<FieldError> errors = new ArrayList<>();
        CaseType caseType = parse(errors, "type", () -> types.require(new CaseType(type == null ? "" : type)).type());
        Channel via = RequestValues.collecting(errors, () -> RequestValues.requiredChoice("channel", channel, Channel.class, "loop.invalid.field"));
        PersonKey person = RequestValues.blank(personKey) ? null
                : parse(errors, "personKey", () -> new PersonKey(personKey.strip()));
        TouchpointId where = RequestValues.collecting(errors,
                () -> RequestValues.id("touchpoint", touchpoint, TouchpointId::new, "loop.invalid.field"));
        if (RequestValues.blank(text)) {
            errors.add(FieldError.of("text", "loop.invalid.text"));
        }
        if (errors.isEmpty()) {
            try {
                CaseFile opened = work.open(new CaseWork.Opening(CaseSource.manual(), caseType, person, where, via, me.team(),
                        me.id().value(), text), me.username(), pages.clock().instant()).file();
                return "redirect:/cases/" + opened.id();
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", type);
        form.put("channel", channel);
        form.put("personKey", personKey);
        form.put("touchpoint", touchpoint);
        form.put("text", text);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return complaintForm(model);
    }

    /**
     * What the person answered, for a case opened from an answer: the survey, its touchpoint, the scores and choices in
     * words and what they wrote, read under the purpose of handling the case (refused, e.g. past its retention: the
     * page says the text cannot be shown).
     */
    private void answer(CaseFile c, Model model, Locale locale) {
        UUID response = LoopPages.answerOf(c);
        DescribedResponse described = response == null ? null : responses.describe(List.of(response)).get(response);
        model.addAttribute("answer", described);
        if (described == null) {
            return;
        }
        model.addAttribute("answerTouchpoint", described.touchpoint() == null ? null
                : touchpoints.byId(described.touchpoint()).map(t -> t.name(locale)).orElse(null));
        model.addAttribute("answerLines", described.answers().stream()
                .map(a -> new AnswerLine(a.question(locale), a.scored() ? pages.score(a, locale) : String.join(", ", a.choices(locale))))
                .toList());
        List<Comment> texts = comments.of(response);
        boolean hidden = false;
        if (!texts.isEmpty() && c.person() != null) {
            try {
                purposes.check(PurposeId.COMPLAINT_HANDLING, c.person(), "comment of response " + response, described.completedAt());
            } catch (PurposeRefusedException e) {
                hidden = true;
            }
        }
        model.addAttribute("answerComments", hidden ? List.of() : texts.stream().map(Comment::text).toList());
        model.addAttribute("answerCommentsHidden", hidden);
    }

    /** One answered question in words. */
    record AnswerLine(String question, String answer) {
    }

    /** A line of the case's history in words: the actor by name, the source, outcome or assignee in words, not as codes. */
    record HistoryLine(java.time.Instant at, String actor, String kind, @Nullable String detail) {
    }

    private Map<String, String> userNamesByUsername() {
        Map<String, String> names = new java.util.HashMap<>();
        pages.users().forEach(u -> names.put(u.username(), u.displayName()));
        return names;
    }

    private HistoryLine historyLine(CaseFiles.HistoryEntry h, @Nullable Channel channel, Map<String, String> names, Locale locale) {
        String actor = CaseWork.SYSTEM.equals(h.actor()) ? pages.text(locale, "loop.history.system") : names.getOrDefault(h.actor(), h.actor());
        String detail = h.detail();
        if (detail != null) {
            detail = switch (h.kind()) {
                case "opened" -> source(detail, channel, locale);
                case "callback" -> outcome(detail, locale);
                case "assigned", "escalated" -> names.getOrDefault(detail, detail);
                default -> detail;
            };
        }
        return new HistoryLine(h.at(), actor, h.kind(), detail);
    }

    /**
     * "answer:…" → "after an answer to a survey", "complaint:ZD-102" with the phone as channel → "complaint via phone,
     * reference ZD-102". A reference that is a generated id (a UUID) means nothing to the reader and is left out.
     */
    private String source(String source, @Nullable Channel channel, Locale locale) {
        int colon = source.indexOf(':');
        String kind = colon < 0 ? "" : source.substring(0, colon);
        String reference = colon < 0 ? source : source.substring(colon + 1);
        boolean readable = !GENERATED_ID.matcher(reference).find();
        return switch (kind) {
            case "answer" -> pages.text(locale, "loop.source.answer");
            case "manual" -> pages.text(locale, "loop.source.manual");
            case "complaint" -> complaint(channel, readable ? reference : null, locale);
            case "desk" -> readable ? pages.text(locale, "loop.source.desk", reference) : pages.text(locale, "loop.source.deskOnly");
            default -> pages.text(locale, "loop.source.other");
        };
    }

    /** A UUID anywhere in a reference: generated by a system, not a reference a person quotes on the phone. */
    private static final java.util.regex.Pattern GENERATED_ID =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private String complaint(@Nullable Channel channel, @Nullable String reference, Locale locale) {
        if (channel == null) {
            return reference == null ? pages.text(locale, "loop.source.complaintOnly") : pages.text(locale, "loop.source.complaint", reference);
        }
        String via = pages.text(locale, "loop." + channel.messageKey());
        return reference == null ? pages.text(locale, "loop.source.complaintVia", via)
                : pages.text(locale, "loop.source.complaintViaReference", via, reference);
    }

    private String outcome(String stored, Locale locale) {
        for (CallbackOutcome o : CallbackOutcome.values()) {
            if (o.name().equals(stored)) {
                return pages.text(locale, o.messageKey());
            }
        }
        return stored;
    }

    private static <T> T parse(List<FieldError> errors, String field, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, "loop.invalid.field"));
        }
        return null;
    }

    private static CallbackOutcome parseOutcome(String outcome) {
        return RequestValues.requiredChoice("outcome", outcome, CallbackOutcome.class, "loop.invalid.outcome");
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        return act(id, redirect, action, null);
    }

    /** Does the step and comes back to the case, saying what was saved ({@code done}, a message key) or what was wrong. */
    private String act(UUID id, RedirectAttributes redirect, Runnable action, @Nullable String done) {
        try {
            action.run();
            if (done != null) {
                redirect.addFlashAttribute("done", done);
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.errors());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(e.error("status")));
        }
        return "redirect:/cases/" + id;
    }
}
