package org.clinicbooking.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table a run prints, in Markdown so that it can be pasted into BENCHMARKS.md as it is. */
final class ResultTable {

    private record Row(String measure, String result, String latency, String notes) {}

    private final List<Row> rows = new ArrayList<>();

    void add(String measure, String result, String latency, String notes) {
        rows.add(new Row(measure, result, latency, notes));
    }

    /** Adds a load level: bookings per second, and p50/p95/p99 of every attempt. */
    void addLoad(String measure, ClosedLoop.Result result, String notes) {
        add(
                measure,
                format("%.1f bookings/s", result.bookingsPerSecond()),
                format(
                        "p50 %.1f, p95 %.1f, p99 %.1f ms",
                        result.percentileMillis(50), result.percentileMillis(95), result.percentileMillis(99)),
                format(
                        "%d booked, %d conflicts, %d failed in %.1f s%s",
                        result.booked(),
                        result.conflicts(),
                        result.failed(),
                        result.seconds(),
                        notes.isEmpty() ? "" : "; " + notes));
    }

    void print(PrintStream out) {
        out.println("| Measure | Result | Latency | Notes |");
        out.println("|---|---|---|---|");
        for (Row row : rows) {
            out.println(
                    "| " + row.measure() + " | " + row.result() + " | " + row.latency() + " | " + row.notes() + " |");
        }
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
