package nl.buitenin.signals.internal.warnings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import nl.buitenin.platform.InvalidInputException;

/** The thresholds administrators set per warning (the smallest relative change in percent); the kind's default otherwise. */
@Repository
public class WarningThresholds {

    public static final int MINIMUM = 1;
    public static final int MAXIMUM = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    WarningThresholds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Map<WarningKind, Integer> all() {
        Map<WarningKind, Integer> thresholds = new EnumMap<>(WarningKind.class);
        for (WarningKind kind : WarningKind.values()) {
            thresholds.put(kind, kind.defaultThreshold());
        }
        jdbc.sql("select kind, min_change_pct from signals_warning_threshold").query((rs, n) -> {
            WarningKind kind = WarningKind.byCode(rs.getString(1));
            if (kind != null) {
                thresholds.put(kind, rs.getInt(2));
            }
            return kind;
        }).list();
        return thresholds;
    }

    /** Sets the threshold of a warning; refused (naming the warning's field) outside 1..500 %. */
    @Transactional
    public void set(WarningKind kind, Integer percent) {
        if (percent == null || percent < MINIMUM || percent > MAXIMUM) {
            throw InvalidInputException.of("threshold." + kind.code(), "signals.invalid.threshold", MINIMUM, MAXIMUM);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int changed = jdbc.sql("update signals_warning_threshold set min_change_pct = :p, changed_at = :at where kind = :k")
                .param("p", percent).param("at", now).param("k", kind.code()).update();
        if (changed == 0) {
            jdbc.sql("insert into signals_warning_threshold (kind, min_change_pct, changed_at) values (:k, :p, :at)")
                    .param("p", percent).param("at", now).param("k", kind.code()).update();
        }
    }
}
