package org.clinicbooking.demodata.synthea;

import java.time.Instant;

/**
 * A row of medications.csv: a medication ordered at one encounter, which becomes a
 * prescription. {@code code} is an RxNorm code; {@code stop} is null for an ongoing medication.
 */
public record SyntheaMedication(
        Instant start,
        Instant stop,
        String patientId,
        String encounterId,
        String code,
        String description,
        int dispenses,
        String reasonDescription) {

    static SyntheaMedication of(CsvTable.Row row) {
        return new SyntheaMedication(
                row.instant("START"),
                row.optionalInstant("STOP"),
                row.required("PATIENT"),
                row.required("ENCOUNTER"),
                row.required("CODE"),
                row.required("DESCRIPTION"),
                row.integer("DISPENSES"),
                row.text("REASONDESCRIPTION"));
    }
}
