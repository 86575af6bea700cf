package org.clinicbooking.demodata.synthea;

/** A row of providers.csv: a clinician working at one organization, who becomes a doctor. */
public record SyntheaProvider(String id, String organizationId, String name, String gender, String speciality) {

    static SyntheaProvider of(CsvTable.Row row) {
        return new SyntheaProvider(
                row.required("Id"),
                row.required("ORGANIZATION"),
                row.required("NAME"),
                row.text("GENDER"),
                row.text("SPECIALITY"));
    }
}
