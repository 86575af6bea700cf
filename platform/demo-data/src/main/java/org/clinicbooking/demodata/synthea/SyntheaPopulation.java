package org.clinicbooking.demodata.synthea;

import java.nio.file.Path;
import java.util.List;

/** The parts of Synthea's CSV export that the importer uses, read from one {@code csv/} folder. */
public record SyntheaPopulation(
        List<SyntheaOrganization> organizations,
        List<SyntheaProvider> providers,
        List<SyntheaPatient> patients,
        List<SyntheaEncounter> encounters,
        List<SyntheaMedication> medications) {

    /** The CSV files that {@link #read} needs, of the many that Synthea writes. */
    public static final List<String> FILES =
            List.of("organizations.csv", "providers.csv", "patients.csv", "encounters.csv", "medications.csv");

    public static SyntheaPopulation read(Path csvDirectory) {
        return new SyntheaPopulation(
                CsvTable.read(csvDirectory.resolve("organizations.csv"), SyntheaOrganization::of),
                CsvTable.read(csvDirectory.resolve("providers.csv"), SyntheaProvider::of),
                CsvTable.read(csvDirectory.resolve("patients.csv"), SyntheaPatient::of),
                CsvTable.read(csvDirectory.resolve("encounters.csv"), SyntheaEncounter::of),
                CsvTable.read(csvDirectory.resolve("medications.csv"), SyntheaMedication::of));
    }
}
