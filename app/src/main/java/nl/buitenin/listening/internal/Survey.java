package nl.buitenin.listening.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import nl.buitenin.listening.SurveyId;
import nl.buitenin.platform.ConflictException;

/**
 * One version of a survey. All versions of the same survey share a {@code lineage}. A draft is
 * edited in place; once published it is immutable, and {@link #revise} starts the next version as
 * a draft. Changes go through these guarded methods only.
 */
public final class Survey {

    private final SurveyId id;
    private final UUID lineage;
    private final int version;
    private SurveyStatus status;
    private SurveyDefinition definition;
    private final Instant createdAt;
    private Instant publishedAt;

    private Survey(SurveyId id, UUID lineage, int version, SurveyStatus status, SurveyDefinition definition, Instant createdAt,
            Instant publishedAt) {
        this.id = Objects.requireNonNull(id);
        this.lineage = Objects.requireNonNull(lineage);
        this.version = version;
        this.status = Objects.requireNonNull(status);
        this.definition = Objects.requireNonNull(definition);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.publishedAt = publishedAt;
    }

    /** A new survey: version 1, a draft. */
    public static Survey draft(SurveyDefinition definition, Instant now) {
        return new Survey(SurveyId.random(), UUID.randomUUID(), 1, SurveyStatus.DRAFT, definition, now, null);
    }

    /** Rebuilds a stored survey. */
    static Survey stored(SurveyId id, UUID lineage, int version, SurveyStatus status, SurveyDefinition definition, Instant createdAt,
            Instant publishedAt) {
        return new Survey(id, lineage, version, status, definition, createdAt, publishedAt);
    }

    /** Changes a draft; a published version refuses, because people may already have answered it. */
    public void edit(SurveyDefinition changed) {
        if (status == SurveyStatus.PUBLISHED) {
            throw new ConflictException("listening.conflict.version.fixed", version);
        }
        this.definition = Objects.requireNonNull(changed);
    }

    /** Freezes this version so it can be sent. Publishing twice is refused. */
    public void publish(Instant now) {
        if (status == SurveyStatus.PUBLISHED) {
            throw new ConflictException("listening.conflict.version.published", version);
        }
        status = SurveyStatus.PUBLISHED;
        publishedAt = now;
    }

    /** Starts the next version as a draft with the same questions; only a published version is revised. */
    public Survey revise(Instant now) {
        if (status != SurveyStatus.PUBLISHED) {
            throw new ConflictException("listening.conflict.version.draft", version);
        }
        return new Survey(SurveyId.random(), lineage, version + 1, SurveyStatus.DRAFT, definition, now, null);
    }

    public SurveyId id() {
        return id;
    }

    public UUID lineage() {
        return lineage;
    }

    public int version() {
        return version;
    }

    public SurveyStatus status() {
        return status;
    }

    public boolean isPublished() {
        return status == SurveyStatus.PUBLISHED;
    }

    public SurveyDefinition definition() {
        return definition;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
