package org.clinicbooking.demodata.synthea;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads one Synthea CSV file, whose first line names the columns, into typed records. */
final class CsvTable {

    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvTable() {}

    /**
     * Reads every row of FILE with READER. A row that lacks a column or contains a value of the
     * wrong form fails the whole read with the file, line and column in the message, because a
     * half-read population would import misleading data.
     */
    static <T> List<T> read(Path file, Function<Row, T> reader) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Synthea output file is missing: " + file);
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<T> records = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows =
                MAPPER.readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
            // Line 1 is the header. Synthea writes no line breaks inside values, so row N is line N + 1.
            long line = 1;
            while (rows.hasNext()) {
                Map<String, String> values = rows.next();
                line++;
                records.add(reader.apply(new Row(file, line, values)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return records;
    }

    /** One row of a CSV file, with accessors that name the file, line and column on bad input. */
    record Row(Path file, long line, Map<String, String> values) {

        /** Returns the column's value, or an empty string when the cell is empty. */
        String text(String column) {
            String value = values.get(column);
            if (value == null) {
                throw invalid(column, "the column is missing (is this Synthea 3.3 CSV output?)");
            }
            return value.trim();
        }

        String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw invalid(column, "the value is empty");
            }
            return value;
        }

        Instant instant(String column) {
            String value = required(column);
            try {
                return Instant.parse(value);
            } catch (RuntimeException e) {
                throw invalid(column, "'" + value + "' is not an ISO 8601 instant");
            }
        }

        Instant optionalInstant(String column) {
            return text(column).isEmpty() ? null : instant(column);
        }

        LocalDate date(String column) {
            String value = required(column);
            try {
                return LocalDate.parse(value);
            } catch (RuntimeException e) {
                throw invalid(column, "'" + value + "' is not a date");
            }
        }

        LocalDate optionalDate(String column) {
            return text(column).isEmpty() ? null : date(column);
        }

        BigDecimal decimal(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                return BigDecimal.ZERO;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw invalid(column, "'" + value + "' is not a decimal number");
            }
        }

        int integer(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                return 0;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw invalid(column, "'" + value + "' is not an integer");
            }
        }

        private IllegalStateException invalid(String column, String reason) {
            return new IllegalStateException(
                    "Invalid Synthea CSV " + file + " line " + line + " column " + column + ": " + reason);
        }
    }
}
