package org.clinicbooking.demodata.importer;

import java.time.Duration;

/**
 * The state of one import as it goes, so that an import that stops early can still report
 * what it did. Written by the importing thread, read once the import has ended.
 */
public final class ImportRun {

    /** How many source records the import considered, before any request. */
    public record SourceCounts(
            int organizations,
            int providers,
            int patients,
            int livingPatients,
            int encounters,
            int encountersOfLivingPatients,
            int encountersInWindow,
            int medicationsInWindow) {}

    private final ImportReport report = new ImportReport();
    private volatile SourceCounts source;
    private volatile String staffEmail;
    private volatile int visits;
    private volatile Duration encounterTime = Duration.ZERO;

    public ImportReport report() {
        return report;
    }

    /** Returns the source counts, or null when the import stopped before reading the population. */
    public SourceCounts source() {
        return source;
    }

    /** Returns the email of the STAFF user this run created, or null when it stopped before that. */
    public String staffEmail() {
        return staffEmail;
    }

    /** Returns how many encounters the import booked, found or tried to book. */
    public int visits() {
        return visits;
    }

    /** Returns the time from the first booking to the last prescription. */
    public Duration encounterTime() {
        return encounterTime;
    }

    void source(SourceCounts source) {
        this.source = source;
    }

    void staffEmail(String staffEmail) {
        this.staffEmail = staffEmail;
    }

    void encounters(int visits, Duration encounterTime) {
        this.visits = visits;
        this.encounterTime = encounterTime;
    }
}
