package org.clinicbooking.demodata.importer;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.clinicbooking.demodata.api.ApiProblem;

/**
 * Counts what the import did per kind of record: created, found existing, rejected by the API
 * (grouped by status, problem type and detail) and skipped before any request (grouped by
 * reason). Safe to use from several threads.
 */
public final class ImportReport {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern INSTANT_PATTERN =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern DATE_PATTERN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_DETAIL_LENGTH = 160;

    /** A group of rejections: one kind, status, problem type and detail with ids and times masked. */
    public record Rejection(String kind, int status, String type, String detail) {}

    /** A group of records not sent to the API, for one reason. */
    public record Skip(String kind, String reason) {}

    private final Map<String, LongAdder> created = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> existing = new ConcurrentHashMap<>();
    private final Map<Rejection, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Map<Skip, LongAdder> skipped = new ConcurrentHashMap<>();

    public void created(String kind) {
        increment(created, kind);
    }

    public void existing(String kind) {
        increment(existing, kind);
    }

    public void rejected(String kind, ApiProblem problem) {
        increment(rejected, new Rejection(kind, problem.status(), problem.type(), maskDetail(problem.detail())));
    }

    public void skipped(String kind, String reason) {
        skipped(kind, reason, 1);
    }

    public void skipped(String kind, String reason, long count) {
        if (count > 0) {
            skipped.computeIfAbsent(new Skip(kind, reason), key -> new LongAdder())
                    .add(count);
        }
    }

    public Map<String, Long> created() {
        return snapshot(created, Comparator.naturalOrder());
    }

    public Map<String, Long> existing() {
        return snapshot(existing, Comparator.naturalOrder());
    }

    public Map<Rejection, Long> rejected() {
        return snapshot(
                rejected,
                Comparator.comparing(Rejection::kind)
                        .thenComparingInt(Rejection::status)
                        .thenComparing(Rejection::type)
                        .thenComparing(Rejection::detail));
    }

    public Map<Skip, Long> skipped() {
        return snapshot(skipped, Comparator.comparing(Skip::kind).thenComparing(Skip::reason));
    }

    public long createdCount(String kind) {
        LongAdder count = created.get(kind);
        return count == null ? 0 : count.sum();
    }

    /**
     * Masks ids and times in a problem detail so that rejections of one cause group together,
     * and shortens it to a line.
     */
    static String maskDetail(String detail) {
        String masked = UUID_PATTERN.matcher(detail == null ? "" : detail).replaceAll("{id}");
        masked = INSTANT_PATTERN.matcher(masked).replaceAll("{time}");
        masked = DATE_PATTERN.matcher(masked).replaceAll("{date}");
        masked = masked.replaceAll("\\s+", " ").strip();
        return masked.length() <= MAX_DETAIL_LENGTH ? masked : masked.substring(0, MAX_DETAIL_LENGTH - 3) + "...";
    }

    private static <K> void increment(Map<K, LongAdder> counts, K key) {
        counts.computeIfAbsent(key, ignored -> new LongAdder()).increment();
    }

    private static <K> Map<K, Long> snapshot(Map<K, LongAdder> counts, Comparator<K> order) {
        Map<K, Long> copy = new TreeMap<>(order);
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
    }
}
