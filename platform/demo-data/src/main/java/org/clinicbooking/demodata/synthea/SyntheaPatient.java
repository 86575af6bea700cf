package org.clinicbooking.demodata.synthea;

import java.time.LocalDate;

/** A row of patients.csv. {@code deathDate} is null for a living patient. */
public record SyntheaPatient(
        String id, LocalDate birthDate, LocalDate deathDate, String firstName, String lastName, String gender) {

    public boolean living() {
        return deathDate == null;
    }

    static SyntheaPatient of(CsvTable.Row row) {
        return new SyntheaPatient(
                row.required("Id"),
                row.date("BIRTHDATE"),
                row.optionalDate("DEATHDATE"),
                row.required("FIRST"),
                row.required("LAST"),
                row.text("GENDER"));
    }
}
