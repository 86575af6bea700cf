package org.clinicbooking.demodata.importer;

import java.util.UUID;

/** A medical service in the API, created from one encounter code or found there. */
record ImportedService(UUID id, String code, int durationMinutes) {}
