package org.clinicbooking.demodata.synthea;

/** A row of organizations.csv: a hospital or practice, which becomes a clinic. */
public record SyntheaOrganization(String id, String name, String address, String city, String state, String phone) {

    static SyntheaOrganization of(CsvTable.Row row) {
        return new SyntheaOrganization(
                row.required("Id"),
                row.required("NAME"),
                row.text("ADDRESS"),
                row.text("CITY"),
                row.text("STATE"),
                row.text("PHONE"));
    }
}
