package nl.buitenin.loop.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.listening.AnsweredResponse;
import nl.buitenin.listening.Comments;
import nl.buitenin.loop.TagSubject;
import nl.buitenin.loop.ThemeId;
import nl.buitenin.loop.ThemeTagging.Tagger;
import nl.buitenin.loop.ThemeTagsChanged;
import nl.buitenin.platform.NotFoundException;

/**
 * Themes on answers: a completed response (in practice its open comment) tagged with themes of the
 * taxonomy, so that the people who raised a theme in a survey hear "you said, we did" as well as those
 * with a case. Who answered, where and when is copied from listening at tagging time; an anonymous
 * answer is tagged all the same (it counts on the public page) but nobody can be told.
 */
@Repository
public class AnswerThemes {

    private final JdbcClient jdbc;
    private final Comments comments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnswerThemes(JdbcClient jdbc, Comments comments, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.comments = comments;
        this.events = events;
        this.clock = clock;
    }

    /** True when the tag is new; a repeated tag is a no-op. Refused for an unknown theme or an unknown or unfinished response. */
    @Transactional
    public boolean tag(UUID response, ThemeId theme, String taggedBy, Tagger kind) {
        boolean changed = tag(response, theme, taggedBy, kind, clock.instant());
        if (changed && kind != Tagger.SUGGESTER) {
            events.publishEvent(ThemeTagsChanged.on(TagSubject.answer(response)));
        }
        return changed;
    }

    @Transactional
    public boolean tag(UUID response, ThemeId theme, String taggedBy, Tagger kind, Instant at) {
        AnsweredResponse answered = answered(response, theme);
        if (kind == Tagger.SUGGESTER) {
            return suggest(answered, theme, taggedBy, null, at);
        }
        TagTable.ANSWERS.forgetRejection(jdbc, response, theme);
        // A person tags what the suggester had suggested: that is their confirmation.
        return insert(answered, theme, taggedBy, kind, null, at) || TagTable.ANSWERS.confirm(jdbc, response, theme, taggedBy, at);
    }

    /**
     * An automatic suggestion with its confidence: true when new; false when the theme was tagged by a person,
     * confirmed or rejected; an unreviewed suggestion gets the new confidence.
     */
    @Transactional
    public boolean suggest(UUID response, ThemeId theme, String suggestedBy, double confidence, Instant at) {
        return suggest(answered(response, theme), theme, suggestedBy, confidence, at);
    }

    private boolean suggest(AnsweredResponse answered, ThemeId theme, String by, Double confidence, Instant at) {
        if (TagTable.ANSWERS.rejected(jdbc, answered.response(), theme)) {
            return false;
        }
        if (insert(answered, theme, by, Tagger.SUGGESTER, confidence, at)) {
            return true;
        }
        if (confidence != null) {
            TagTable.ANSWERS.resuggest(jdbc, answered.response(), theme, by, confidence);
        }
        return false;
    }

    private AnsweredResponse answered(UUID response, ThemeId theme) {
        if (jdbc.sql("select count(*) from loop_theme where id = :id").param("id", theme.value()).query(Long.class).single() == 0) {
            throw new NotFoundException("loop.thing.theme", theme);
        }
        return comments.answered(response).orElseThrow(() -> new NotFoundException("loop.thing.response", response));
    }

    private boolean insert(AnsweredResponse answered, ThemeId theme, String taggedBy, Tagger kind, Double confidence, Instant at) {
        return jdbc.sql("insert into loop_answer_theme (response_id, theme_id, person_key, touchpoint_id, answered_at, tagged_by, "
                        + "tagger_kind, tagged_at, confidence) values (:response, :theme, :person, :touchpoint, :answered, :by, :kind, "
                        + ":at, :confidence) on conflict do nothing")
                .param("response", answered.response()).param("theme", theme.value())
                .param("person", answered.person() == null ? null : answered.person().value())
                .param("touchpoint", answered.touchpoint() == null ? null : answered.touchpoint().value())
                .param("answered", CaseFiles.utc(answered.completedAt())).param("by", taggedBy).param("kind", kind.name())
                .param("at", CaseFiles.utc(at)).param("confidence", confidence).update() == 1;
    }

    /** True when there was such a tag; untagging twice is a no-op. */
    @Transactional
    public boolean untag(UUID response, ThemeId theme) {
        boolean changed = jdbc.sql("delete from loop_answer_theme where response_id = :response and theme_id = :theme")
                .param("response", response).param("theme", theme.value()).update() == 1;
        if (changed) {
            events.publishEvent(ThemeTagsChanged.on(TagSubject.answer(response)));
        }
        return changed;
    }

    /** The tags of each of the responses (a response without tags is absent), themes by Dutch name. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Themes.Tag>> tagsOf(Collection<UUID> responses) {
        Map<UUID, List<Themes.Tag>> tags = new LinkedHashMap<>();
        if (responses.isEmpty()) {
            return tags;
        }
        jdbc.sql("select at.response_id, t.id, t.name_nl, t.name_en, " + Themes.columns("at") + " from loop_answer_theme at "
                        + "join loop_theme t on t.id = at.theme_id where at.response_id in (:responses) order by t.name_nl")
                .param("responses", List.copyOf(responses))
                .query(rs -> {
                    tags.computeIfAbsent(rs.getObject(1, UUID.class), r -> new ArrayList<>())
                            .add(Themes.tag(rs, 2));
                });
        return tags;
    }

    /** How many answers carry the theme, for the taxonomy page. */
    @Transactional(readOnly = true)
    public long answersWith(ThemeId theme) {
        return jdbc.sql("select count(*) from loop_answer_theme where theme_id = :theme").param("theme", theme.value())
                .query(Long.class).single();
    }

    /** How many people (an anonymous answer counts as one of its own) gave the answers with the theme. */
    public long answerPeopleWith(ThemeId theme) {
        return jdbc.sql("select count(distinct coalesce(person_key, cast(response_id as varchar(40)))) from loop_answer_theme "
                        + "where theme_id = :theme")
                .param("theme", theme.value()).query(Long.class).single();
    }
}
