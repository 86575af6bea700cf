package org.clinicbooking.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's route table of platform/docs/contracts.md (section "Routes"): one row per
 * service, with backticked path patterns in the first column and the service name first in
 * the second. {@code {id}} stands for one path segment and a trailing {@code /**} for the
 * path and everything below it.
 */
public final class ContractRoutes {

    /** A path pattern of the table and the service that owns it. */
    public record Route(String pattern, String service) {

        /** The same fixed id everywhere, so that a failure message is reproducible. */
        private static final String SAMPLE_ID = "3f2b8c1e-7d4a-4e59-9b61-2c8d0f6a1b37";

        /** Request paths that this pattern covers: the path itself, and paths below it for /**. */
        public List<String> samplePaths() {
            String path = pattern.replace("{id}", SAMPLE_ID);
            if (!path.endsWith("/**")) {
                return List.of(path);
            }
            String base = path.substring(0, path.length() - "/**".length());
            return List.of(base, base + "/" + SAMPLE_ID, base + "/" + SAMPLE_ID + "/items");
        }
    }

    private static final Pattern TABLE_ROW = Pattern.compile("^\\|(.+)\\|(.+)\\|\\s*$");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern SERVICE = Pattern.compile("([a-z]+-service)");

    private ContractRoutes() {}

    /**
     * Reads the route table of contracts.md.
     *
     * @throws IllegalStateException when the section or its rows are missing
     */
    public static List<Route> read(Path contracts) {
        List<String> lines;
        try {
            lines = Files.readAllLines(contracts);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + contracts, e);
        }
        int start = lines.indexOf("## Routes (the gateway's table)");
        if (start < 0) {
            throw new IllegalStateException(contracts + " has no section \"## Routes (the gateway's table)\"");
        }
        List<Route> routes = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = TABLE_ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            Matcher service = SERVICE.matcher(row.group(2));
            if (!service.find()) {
                continue;
            }
            Matcher path = BACKTICKED.matcher(row.group(1));
            while (path.find()) {
                routes.add(new Route(path.group(1), service.group(1)));
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalStateException("The route table of " + contracts + " has no rows");
        }
        return routes;
    }
}
