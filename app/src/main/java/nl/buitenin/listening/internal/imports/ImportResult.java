package nl.buitenin.listening.internal.imports;

import java.util.List;

/**
 * What an import did: rows read, responses created, rows already imported before (same survey, tool and
 * response id), rows rejected with every reason, rows skipped because the person had not finished, and rows not
 * taken again because their answers were imported before and have since lost their person: past the retention
 * of "feedback" ({@code pastRetention}) or because the person was forgotten ({@code forgotten}).
 */
public record ImportResult(int rows, int created, int duplicates, int rejected, int skipped, int pastRetention, int forgotten,
        List<RowError> errors) {

    public ImportResult {
        errors = List.copyOf(errors);
    }
}
