package nl.buitenin.listening.internal.answers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.buitenin.platform.Secrets;

/**
 * The source references of answers that lost their person, so that the same row sent or imported again does not
 * bring the person back. Retention and erasure replace a response's {@code source_ref} (the reference itself can
 * point to the person in the other tool's export); what is remembered is an HMAC of it under a key of this
 * instance, without the response it belonged to, so it cannot be used to find out whose an anonymous answer was.
 */
@Component
public class GoneSources {

    /** Why the answers are gone: past the retention of "feedback", or the person asked to be forgotten. */
    public enum Reason {
        EXPIRED, FORGOTTEN
    }

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final byte[] key;

    GoneSources(JdbcClient jdbc, Secrets secrets) {
        this.jdbc = jdbc;
        this.key = secrets.key("listening.gone-sources");
    }

    /** Remembers the references; a reference remembered before keeps its first reason. */
    void remember(Collection<String> sourceRefs, Reason reason) {
        for (String ref : sourceRefs) {
            jdbc.sql("insert into listening_gone_source (source_hash, reason) values (:hash, :reason) on conflict do nothing")
                    .param("hash", hash(ref)).param("reason", reason.name()).update();
        }
    }

    /** Which of the references are gone, and why; absent means the reference may be taken. */
    public Map<String, Reason> among(Collection<String> sourceRefs) {
        Map<String, String> byHash = new HashMap<>();
        sourceRefs.forEach(ref -> byHash.put(hash(ref), ref));
        Map<String, Reason> gone = new HashMap<>();
        List<String> hashes = new ArrayList<>(byHash.keySet());
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            jdbc.sql("select source_hash, reason from listening_gone_source where source_hash in (:hashes)")
                    .param("hashes", hashes.subList(from, Math.min(hashes.size(), from + CHUNK)))
                    .query(rs -> {
                        gone.put(byHash.get(rs.getString(1)), Reason.valueOf(rs.getString(2)));
                    });
        }
        return gone;
    }

    private String hash(String sourceRef) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(sourceRef.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
