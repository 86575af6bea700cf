package org.clinicbooking.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up time and resident memory of each service started by {@code deploy/local/services.sh},
 * read from its files under {@code deploy/local/.run}: the last "started in X s" line of
 * {@code logs/<service>.log} (Quarkus's own measure, from JVM start to ready to serve) and
 * {@code VmRSS} of the pid in {@code pids/<service>.pid}.
 */
final class Footprint {

    static final List<String> SERVICES =
            List.of("user-service", "scheduling-service", "billing-service", "clinical-service", "audit-service");

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern RESIDENT = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);

    private final Path runDirectory;

    Footprint(Path runDirectory) {
        this.runDirectory = runDirectory;
    }

    /** Start-up seconds per service; empty when the log has no such line. */
    Map<String, OptionalDouble> startupSeconds() throws IOException {
        Map<String, OptionalDouble> seconds = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path log = runDirectory.resolve("logs").resolve(service + ".log");
            OptionalDouble last = OptionalDouble.empty();
            if (Files.isReadable(log)) {
                Matcher matcher = STARTED.matcher(Files.readString(log));
                while (matcher.find()) {
                    last = OptionalDouble.of(Double.parseDouble(matcher.group(1)));
                }
            }
            seconds.put(service, last);
        }
        return seconds;
    }

    /** Resident memory in MiB per service; empty when the service has no pid file or no longer runs. */
    Map<String, OptionalLong> residentMebibytes() throws IOException {
        Map<String, OptionalLong> resident = new LinkedHashMap<>();
        for (String service : SERVICES) {
            resident.put(service, residentOf(service));
        }
        return resident;
    }

    private OptionalLong residentOf(String service) throws IOException {
        Path pidFile = runDirectory.resolve("pids").resolve(service + ".pid");
        if (!Files.isReadable(pidFile)) {
            return OptionalLong.empty();
        }
        Path status = Path.of("/proc", Files.readString(pidFile).strip(), "status");
        if (!Files.isReadable(status)) {
            return OptionalLong.empty();
        }
        Matcher matcher = RESIDENT.matcher(Files.readString(status));
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1)) / 1024) : OptionalLong.empty();
    }
}
