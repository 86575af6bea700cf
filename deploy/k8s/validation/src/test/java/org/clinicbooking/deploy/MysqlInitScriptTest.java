package org.clinicbooking.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs MySQL's first-start script with a stand-in mysql client that records its input, and
 * checks what the real client would receive.
 */
class MysqlInitScriptTest {

    private static final Path SCRIPT = Deploy.K8S_DIR.resolve("base/mysql/initdb/create-schemas.sh");

    @TempDir
    Path work;

    @Test
    void passwordsPrecedeTheAdministratorsSql() throws Exception {
        Path sql = work.resolve("create-schemas.sql");
        Files.writeString(sql, "-- the administrator's SQL\n");

        String input = runScript(sql, Map.of(
                "USER_SERVICE_PASSWORD", "it's a \\ test",
                "SCHEDULING_SERVICE_PASSWORD", "scheduling",
                "BILLING_SERVICE_PASSWORD", "billing",
                "CLINICAL_SERVICE_PASSWORD", "clinical",
                "AUDIT_SERVICE_PASSWORD", "audit"));

        assertThat(input.lines().toList()).containsExactly(
                "SET @user_service_password = 'it\\'s a \\\\ test';",
                "SET @scheduling_service_password = 'scheduling';",
                "SET @billing_service_password = 'billing';",
                "SET @clinical_service_password = 'clinical';",
                "SET @audit_service_password = 'audit';",
                "-- the administrator's SQL");
    }

    @Test
    void missingPasswordBecomesEmptyForTheSqlToReject() throws Exception {
        Path sql = work.resolve("create-schemas.sql");
        Files.writeString(sql, "");

        String input = runScript(sql, Map.of("USER_SERVICE_PASSWORD", "user"));

        // create-schemas.sql stops with SQLSTATE 45000 on an empty password.
        assertThat(input).contains("SET @audit_service_password = '';");
    }

    @Test
    void committedSqlIsTheAdministratorsScript() throws IOException {
        assertThat(Deploy.K8S_DIR.resolve("base/mysql/create-schemas.sql"))
                .hasSameTextualContentAs(Deploy.REPO_ROOT.resolve("deploy/mysql/create-schemas.sql"));
    }

    /** Runs the script with a mysql stand-in on the PATH and returns what it read. */
    private String runScript(Path sql, Map<String, String> passwords) throws Exception {
        Path bin = Files.createDirectory(work.resolve("bin"));
        Path input = work.resolve("mysql-input.sql");
        Path client = bin.resolve("mysql");
        Files.writeString(client, "#!/bin/bash\ncat > '" + input + "'\n");
        Files.setPosixFilePermissions(client, PosixFilePermissions.fromString("rwx------"));

        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        environment.put("PATH", bin + ":" + environment.get("PATH"));
        environment.put("SCHEMAS_SQL", sql.toString());
        environment.put("MYSQL_ROOT_PASSWORD", "root-password");
        for (String variable : List.of(
                "USER_SERVICE_PASSWORD",
                "SCHEDULING_SERVICE_PASSWORD",
                "BILLING_SERVICE_PASSWORD",
                "CLINICAL_SERVICE_PASSWORD",
                "AUDIT_SERVICE_PASSWORD")) {
            environment.remove(variable);
        }
        environment.putAll(passwords);

        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return Files.readString(input);
    }
}
