package org.clinicbooking.demodata.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.clinicbooking.demodata.api.ApiProblem;
import org.junit.jupiter.api.Test;

class ImportReportTest {

    @Test
    void rejectionsOfOneCauseGroupTogether() {
        ImportReport report = new ImportReport();

        report.rejected("appointment", conflict("3f1c9a52-5d43-4b8e-9a55-0f6d1f2a7c11", "2026-03-02T09:00:00Z"));
        report.rejected("appointment", conflict("a61e65bf-052e-46c1-84c0-87f98aae076f", "2025-11-12T16:45:00Z"));

        assertThat(report.rejected())
                .containsExactly(java.util.Map.entry(
                        new ImportReport.Rejection(
                                "appointment",
                                409,
                                "booking-conflict",
                                "Doctor {id} has an appointment from {time} that overlaps."),
                        2L));
    }

    @Test
    void detailMasksDatesAndShortensLongText() {
        assertThat(ImportReport.maskDetail("Starts on 2026-03-02.")).isEqualTo("Starts on {date}.");
        assertThat(ImportReport.maskDetail("x".repeat(400))).hasSize(160).endsWith("...");
    }

    @Test
    void countsPerKind() {
        ImportReport report = new ImportReport();

        report.created("clinic");
        report.created("clinic");
        report.existing("clinic");
        report.skipped("payment", "the appointment is in the future", 3);

        assertThat(report.created()).containsEntry("clinic", 2L);
        assertThat(report.existing()).containsEntry("clinic", 1L);
        assertThat(report.skipped())
                .containsEntry(new ImportReport.Skip("payment", "the appointment is in the future"), 3L);
    }

    private static ApiProblem conflict(String doctorId, String time) {
        return new ApiProblem(
                409,
                "booking-conflict",
                "Time slot not available",
                "Doctor " + doctorId + " has an appointment from " + time + " that overlaps.");
    }
}
