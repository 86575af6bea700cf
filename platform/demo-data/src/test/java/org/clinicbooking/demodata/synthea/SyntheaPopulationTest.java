package org.clinicbooking.demodata.synthea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheaPopulationTest {

    @TempDir
    Path csv;

    @Test
    void readsSyntheaColumns() throws IOException {
        writeSample("");

        SyntheaPopulation population = SyntheaPopulation.read(csv);

        assertThat(population.organizations()).singleElement().satisfies(organization -> {
            assertThat(organization.name()).isEqualTo("Fitchburg Outpatient Clinic");
            assertThat(organization.phone()).isEqualTo("978-342-9781 Or 978-342-9781");
        });
        assertThat(population.providers())
                .singleElement()
                .extracting(SyntheaProvider::speciality)
                .isEqualTo("GENERAL PRACTICE");
        assertThat(population.patients()).hasSize(2);
        assertThat(population.patients().get(0).living()).isTrue();
        assertThat(population.patients().get(1).deathDate()).isEqualTo(LocalDate.of(1953, 10, 14));
        assertThat(population.encounters()).singleElement().satisfies(encounter -> {
            assertThat(encounter.start()).isEqualTo(Instant.parse("2017-02-05T09:31:55Z"));
            assertThat(encounter.length().toMinutes()).isEqualTo(15);
            assertThat(encounter.description()).isEqualTo("Well child visit, first (procedure)");
            assertThat(encounter.payerCoverage()).isEqualByComparingTo("0.00");
        });
        assertThat(population.medications()).singleElement().satisfies(medication -> {
            assertThat(medication.stop()).isNull();
            assertThat(medication.code()).isEqualTo("310325");
        });
    }

    @Test
    void missingColumnNamesFileLineAndColumn() throws IOException {
        writeSample("");
        Files.writeString(csv.resolve("providers.csv"), "Id,ORGANIZATION,NAME\np1,o1,Gabriel934 Reilly981\n");

        assertThatThrownBy(() -> SyntheaPopulation.read(csv))
                .hasMessageContaining("providers.csv")
                .hasMessageContaining("line 2")
                .hasMessageContaining("column GENDER");
    }

    @Test
    void invalidTimeIsRejected() throws IOException {
        writeSample("not-a-time");

        assertThatThrownBy(() -> SyntheaPopulation.read(csv))
                .hasMessageContaining("encounters.csv")
                .hasMessageContaining("column START")
                .hasMessageContaining("'not-a-time' is not an ISO 8601 instant");
    }

    private void writeSample(String encounterStart) throws IOException {
        String start = encounterStart.isEmpty() ? "2017-02-05T09:31:55Z" : encounterStart;
        Files.writeString(csv.resolve("organizations.csv"), """
                Id,NAME,ADDRESS,CITY,STATE,ZIP,LAT,LON,PHONE,REVENUE,UTILIZATION
                o1,Fitchburg Outpatient Clinic,881 Main Street,Fitchburg,MA,01420,42.58,-71.80,978-342-9781 Or 978-342-9781,0.0,47
                """);
        Files.writeString(csv.resolve("providers.csv"), """
                Id,ORGANIZATION,NAME,GENDER,SPECIALITY,ADDRESS,CITY,STATE,ZIP,LAT,LON,ENCOUNTERS,PROCEDURES
                p1,o1,Gabriel934 Reilly981,F,GENERAL PRACTICE,881 Main Street,Fitchburg,MA,01420,42.58,-71.80,47,0
                """);
        Files.writeString(csv.resolve("patients.csv"), """
                Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,MIDDLE,LAST,SUFFIX,MAIDEN,MARITAL,RACE,ETHNICITY,GENDER
                a1,2011-02-20,,999-35-9473,,,,Jessie665,Foster87,Glover433,,,,white,nonhispanic,M
                a2,1925-11-16,1953-10-14,999-39-7452,,,Ms.,Lecia978,,Sanford861,,,,white,nonhispanic,F
                """);
        Files.writeString(csv.resolve("encounters.csv"), """
                Id,START,STOP,PATIENT,ORGANIZATION,PROVIDER,PAYER,ENCOUNTERCLASS,CODE,DESCRIPTION,BASE_ENCOUNTER_COST,TOTAL_CLAIM_COST,PAYER_COVERAGE,REASONCODE,REASONDESCRIPTION
                e1,%s,2017-02-05T09:46:55Z,a1,o1,p1,x,wellness,410620009,"Well child visit, first (procedure)",136.80,778.78,0.00,,
                """.formatted(start));
        Files.writeString(csv.resolve("medications.csv"), """
                START,STOP,PATIENT,PAYER,ENCOUNTER,CODE,DESCRIPTION,BASE_COST,PAYER_COVERAGE,DISPENSES,TOTALCOST,REASONCODE,REASONDESCRIPTION
                2017-02-05T09:46:55Z,,a1,x,e1,310325,ferrous sulfate 325 MG Oral Tablet,0.15,0.00,137,20.55,,
                """);
    }
}
