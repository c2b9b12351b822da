package kz.region715.dsr.platform.http;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs a query for an export and hands its rows over one by one, read through a cursor (the JDBC fetch size; on
 * PostgreSQL inside a transaction), so memory stays flat however many rows there are.
 */
public final class StreamedRows {

    /** What is done with each row: usually written to the export's stream. */
    @FunctionalInterface
    public interface Row {
        void accept(ResultSet row) throws SQLException, IOException;
    }

    private StreamedRows() {
    }

    /** Binds {@code parameters} to the {@code ?} of {@code sql} in order and gives {@code each} every row. */
    public static void each(Connection connection, String sql, List<?> parameters, int fetchSize, Row each)
            throws SQLException, IOException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setFetchSize(fetchSize);
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    each.accept(rows);
                }
            }
        }
    }
}
