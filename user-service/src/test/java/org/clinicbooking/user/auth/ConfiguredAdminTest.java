package org.clinicbooking.user.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import org.clinicbooking.user.account.UserService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConfiguredAdminTest {

    @Inject
    UserService userService;

    @Inject
    Pool pool;

    @ConfigProperty(name = "clinic.admin.email")
    String adminEmail;

    @ConfigProperty(name = "clinic.admin.password")
    String adminPassword;

    @Test
    void shouldRestoreConfiguredAdminPassword() throws Throwable {
        String otherHash = BcryptUtil.bcryptHash("a-password-from-an-earlier-deployment", 4);
        pool.preparedQuery("UPDATE app_user SET password_hash = ? WHERE email_key = ?")
                .execute(Tuple.of(otherHash, adminEmail.toLowerCase(Locale.ROOT)))
                .await()
                .indefinitely();
        assertThat(loginStatus()).isEqualTo(401);

        boolean reset = reset();

        assertThat(reset).isTrue();
        assertThat(loginStatus()).isEqualTo(200);
        assertThat(reset()).as("a matching password is left alone").isFalse();
    }

    private boolean reset() throws Throwable {
        String newHash = BcryptUtil.bcryptHash(adminPassword, 4);
        return VertxContextSupport.subscribeAndAwait(() -> userService.resetConfiguredAdminPassword(
                adminEmail, storedHash -> BcryptUtil.matches(adminPassword, storedHash), newHash));
    }

    private int loginStatus() {
        return given().contentType("application/json")
                .body(Map.of("email", adminEmail, "password", adminPassword))
                .post("/api/auth/login")
                .then()
                .extract()
                .statusCode();
    }
}
