package nl.buitenin.listening.internal.imports;

import java.util.List;

/**
 * What an import did: rows read, responses created, rows already imported before (same survey, tool and
 * response id), rows rejected with every reason, and rows skipped because the person had not finished.
 */
public record ImportResult(int rows, int created, int duplicates, int rejected, int skipped, List<RowError> errors) {

    public ImportResult {
        errors = List.copyOf(errors);
    }
}
