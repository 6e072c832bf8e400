package nl.buitenin.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which database URLs name an H2 file that a start looks at after a kill ({@link H2CrashRecovery}). */
class H2CrashRecoveryTest {

    @Test
    void theDefaultUrlAndOtherEmbeddedFileUrlsNameTheirStoreFile() {
        assertThat(H2CrashRecovery.file("jdbc:h2:file:/srv/buitenin/data/buitenin;MODE=PostgreSQL;WRITE_DELAY=0"))
                .contains(Path.of("/srv/buitenin/data/buitenin.mv.db"));
        assertThat(H2CrashRecovery.file("jdbc:h2:/srv/x/db")).contains(Path.of("/srv/x/db.mv.db"));
        assertThat(H2CrashRecovery.file("jdbc:h2:./data/buitenin")).contains(Path.of("data/buitenin.mv.db").toAbsolutePath());
        assertThat(H2CrashRecovery.file("JDBC:H2:FILE:/srv/x/db")).contains(Path.of("/srv/x/db.mv.db"));
        assertThat(H2CrashRecovery.file("jdbc:h2:~/buitenin")).contains(Path.of(System.getProperty("user.home"), "buitenin.mv.db"));
    }

    @Test
    void databasesThisProcessDoesNotOpenAsAFileAreLeftAlone() {
        assertThat(H2CrashRecovery.file("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEqualTo(Optional.empty());
        assertThat(H2CrashRecovery.file("jdbc:h2:tcp://localhost/~/buitenin")).isEmpty();
        assertThat(H2CrashRecovery.file("jdbc:postgresql://localhost:5432/buitenin")).isEmpty();
        assertThat(H2CrashRecovery.file(null)).isEmpty();
    }

    @Test
    void aDatabaseOpenElsewhereIsLeftToThePoolWhoseOpeningSaysItIsInUse(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";MODE=PostgreSQL";
        Path file = dir.resolve("db.mv.db");
        try (Connection open = DriverManager.getConnection(url, "sa", "")) {
            open.createStatement().execute("create table t (id int primary key)");
            assertThat(H2Leftovers.closedCleanly(file)).as("while open").isFalse();
            assertThat(H2CrashRecovery.inUse(file)).isTrue();
        }
        assertThat(H2CrashRecovery.inUse(file)).as("after it was closed").isFalse();
    }

    @Test
    void aMissingFileIsANewDatabaseWithNothingToRecover() {
        Path absent = Path.of("target", "no-such-dir", "buitenin.mv.db");
        H2CrashRecovery.recover(absent, "jdbc:h2:file:" + absent.toAbsolutePath().toString().replace(".mv.db", ""), "sa", "");
        assertThat(absent).doesNotExist();
    }
}
