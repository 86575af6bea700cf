package org.clinicbooking.demodata.importer;

import org.clinicbooking.demodata.api.GatewayClient;
import org.clinicbooking.demodata.api.Session;

/**
 * What every import step shares: the gateway, the admin's and the import's staff user's
 * logins, the report and the worker threads.
 */
record ImportContext(GatewayClient gateway, Session admin, Session staff, ImportReport report, Workers workers) {}
