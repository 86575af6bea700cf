package org.clinicbooking.demodata.importer;

import java.util.UUID;
import org.clinicbooking.demodata.api.Session;

/**
 * A doctor in the API. {@code session} is the doctor's own login, used to issue prescriptions;
 * it is null for a doctor an earlier run created, whose password this run does not know.
 */
record ImportedDoctor(UUID id, Session session) {}
