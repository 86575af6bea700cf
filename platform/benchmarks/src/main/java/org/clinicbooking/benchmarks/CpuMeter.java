package org.clinicbooking.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each process of the stack while a phase runs, from {@code utime + stime} in
 * {@code /proc/<pid>/stat}: the five services (pids from {@code deploy/local/.run/pids}), every
 * {@code mariadbd}, {@code nginx} and Kafka process, and the harness itself. Linux only.
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat} ({@code USER_HZ}), 100 on x86-64 Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Path pidDirectory;

    /** CPU ticks per process group at one instant. */
    record Snapshot(long nanoTime, Map<String, Long> ticks) {}

    CpuMeter(Path runDirectory) {
        this.pidDirectory = runDirectory.resolve("pids");
    }

    Snapshot snapshot() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String service : Footprint.SERVICES) {
            ticks.put(service, ticksOfPidFile(service + ".pid"));
        }
        ticks.put("mariadbd", ticksOfCommand("mariadbd"));
        ticks.put("kafka", ticksOfPidFile("kafka.pid"));
        ticks.put("nginx", ticksOfCommand("nginx"));
        ticks.put("harness", ticksOf(ProcessHandle.current().pid()));
        return new Snapshot(System.nanoTime(), ticks);
    }

    /**
     * Formats the CPU used since {@code start} per process group, in percent of one core, busiest
     * first, with the total first (2 cores are 200 %).
     */
    static String usageSince(Snapshot start, Snapshot end) {
        double seconds = (end.nanoTime() - start.nanoTime()) / 1e9;
        Map<String, Double> percent = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Long> entry : end.ticks().entrySet()) {
            long used = entry.getValue() - start.ticks().getOrDefault(entry.getKey(), 0L);
            double share = 100.0 * used / TICKS_PER_SECOND / seconds;
            percent.put(entry.getKey(), share);
            total += share;
        }
        StringBuilder text = new StringBuilder(ResultTable.format("total %.0f %%:", total));
        percent.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> text.append(ResultTable.format(" %s %.0f %%,", entry.getKey(), entry.getValue())));
        text.setLength(text.length() - 1);
        return text.toString();
    }

    private long ticksOfPidFile(String fileName) throws IOException {
        Path file = pidDirectory.resolve(fileName);
        if (!Files.isReadable(file)) {
            return 0;
        }
        return ticksOf(Long.parseLong(Files.readString(file).strip()));
    }

    private static long ticksOfCommand(String command) throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            List<Path> pids = processes
                    .filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList();
            for (Path process : pids) {
                try {
                    if (Files.readString(process.resolve("comm")).strip().equals(command)) {
                        ticks += ticksOf(Long.parseLong(process.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // The process ended between the listing and the read.
                }
            }
        }
        return ticks;
    }

    /** Returns utime + stime of a process, or 0 when it no longer exists. */
    private static long ticksOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name in brackets may contain spaces, so the fields are counted after it:
            // field 3 (state) is the first, utime and stime are fields 14 and 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }
}
