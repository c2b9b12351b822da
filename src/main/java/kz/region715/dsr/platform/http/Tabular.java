package kz.region715.dsr.platform.http;

import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The two export formats: NDJSON (one JSON object a line) and CSV (RFC 4180,
 * header line, CRLF, fields quoted when they hold a comma, quote or line
 * break). The caller's Accept header picks one; NDJSON when it says nothing.
 */
public final class Tabular {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";

    private Tabular() {
    }

    /** True when the Accept header prefers CSV. */
    public static boolean wantsCsv(String accept) {
        if (accept == null) {
            return false;
        }
        int csv = accept.indexOf(CSV);
        int ndjson = accept.indexOf(NDJSON);
        return csv >= 0 && (ndjson < 0 || csv < ndjson);
    }

    public static MediaType mediaType(boolean csv) {
        return MediaType.valueOf(csv ? CSV + ";charset=UTF-8" : NDJSON + ";charset=UTF-8");
    }

    /** One CSV record with its line break. */
    public static String csvLine(List<?> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object field = fields.get(i);
            String text = field == null ? "" : field.toString();
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0) {
                line.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                line.append(text);
            }
        }
        return line.append("\r\n").toString();
    }
}
