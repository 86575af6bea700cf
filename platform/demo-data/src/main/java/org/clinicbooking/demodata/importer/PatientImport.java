package org.clinicbooking.demodata.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.clinicbooking.demodata.synthea.SyntheaPatient;

/** Registers every living Synthea patient as a PATIENT user, on behalf of the import's staff user. */
final class PatientImport {

    static final String KIND = "patient";

    private final ImportContext context;

    PatientImport(ImportContext context) {
        this.context = context;
    }

    /** Returns the user id of each Synthea patient id that has a user now. */
    Map<String, UUID> run(List<SyntheaPatient> livingPatients) {
        AccountImport accounts = new AccountImport(context, context.staff(), KIND, "PATIENT");
        Map<String, UUID> patientIds = new ConcurrentHashMap<>();
        context.workers()
                .forEach(
                        livingPatients,
                        patient -> accounts.ensure(request(patient))
                                .ifPresent(account -> patientIds.put(patient.id(), account.userId())));
        return patientIds;
    }

    private static Map<String, Object> request(SyntheaPatient patient) {
        String name = DemoIdentities.displayName(patient.firstName(), patient.lastName());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("email", DemoIdentities.email("", name, patient.id()));
        request.put("fullName", name);
        request.put("dateOfBirth", patient.birthDate().toString());
        request.put("role", "PATIENT");
        return request;
    }
}
