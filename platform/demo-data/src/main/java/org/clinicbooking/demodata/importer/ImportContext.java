package org.clinicbooking.demodata.importer;

import org.clinicbooking.demodata.api.GatewayClient;
import org.clinicbooking.demodata.api.Session;

/**
 * The shared state of the import steps: the gateway, the logins of the admin and of the
 * import's staff user, the report and the worker threads.
 */
record ImportContext(GatewayClient gateway, Session admin, Session staff, ImportReport report, Workers workers) {}
