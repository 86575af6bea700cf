package org.clinicbooking.user.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.clinicbooking.user.support.TestData;
import org.junit.jupiter.api.Test;

/** The database itself enforces the data rules, so a row written by any code path obeys them. */
@QuarkusTest
class SchemaConstraintsTest {

    private static final String INSERT_SERVICE = "INSERT INTO medical_service"
            + " (id, code, name, description, duration_minutes, price, currency, active, created_at, updated_at,"
            + " version) VALUES (?, ?, 'Check-up', NULL, ?, ?, ?, TRUE, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 0)";

    private static final String INSERT_DOCTOR = "INSERT INTO doctor"
            + " (user_id, clinic_id, specialization, license_number, years_of_experience, bio, created_at,"
            + " updated_at, version) VALUES (?, ?, 'Cardiology', ?, ?, NULL, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 0)";

    @Inject
    Pool pool;

    @Test
    void shouldCheckMedicalServiceColumns() {
        assertThatThrownBy(() -> insertService(30, "-1.00", "KES")).hasMessageContaining("ck_medical_service_price");
        assertThatThrownBy(() -> insertService(0, "10.00", "KES")).hasMessageContaining("ck_medical_service_duration");
        assertThatThrownBy(() -> insertService(30, "10.00", "kes")).hasMessageContaining("ck_medical_service_currency");
    }

    @Test
    void shouldRejectDoctorWithoutUserOrClinic() {
        var user = TestData.user("DOCTOR");
        String clinicId = TestData.clinic().toString();

        assertThatThrownBy(() -> insertDoctor(UUID.randomUUID().toString(), clinicId, 5))
                .hasMessageContaining("fk_doctor_user");
        assertThatThrownBy(() ->
                        insertDoctor(user.id().toString(), UUID.randomUUID().toString(), 5))
                .hasMessageContaining("fk_doctor_clinic");
        assertThatThrownBy(() -> insertDoctor(user.id().toString(), clinicId, 81))
                .hasMessageContaining("ck_doctor_years_of_experience");
    }

    @Test
    void shouldRejectLinkToUnknownService() {
        String doctorId = TestData.doctor().id().toString();
        assertThatThrownBy(() -> pool.preparedQuery("INSERT INTO doctor_service_link (id, doctor_id, service_id,"
                                + " linked_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))")
                        .execute(Tuple.of(
                                UUID.randomUUID().toString(),
                                doctorId,
                                UUID.randomUUID().toString()))
                        .await()
                        .indefinitely())
                .hasMessageContaining("fk_doctor_service_link_service");
    }

    private void insertService(int duration, String price, String currency) {
        pool.preparedQuery(INSERT_SERVICE)
                .execute(Tuple.tuple()
                        .addString(UUID.randomUUID().toString())
                        .addString("DB-" + UUID.randomUUID())
                        .addInteger(duration)
                        .addBigDecimal(new java.math.BigDecimal(price))
                        .addString(currency))
                .await()
                .indefinitely();
    }

    private void insertDoctor(String userId, String clinicId, int years) {
        pool.preparedQuery(INSERT_DOCTOR)
                .execute(Tuple.of(userId, clinicId, "LIC-" + UUID.randomUUID(), years))
                .await()
                .indefinitely();
    }
}
