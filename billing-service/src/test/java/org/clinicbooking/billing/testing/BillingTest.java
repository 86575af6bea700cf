package org.clinicbooking.billing.testing;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What every billing test uses: the test schema, the scheduling-events producer and the seeds. */
public abstract class BillingTest {

    public static final String PROBLEMS = "https://clinic-booking.org/problems/";
    public static final String BILLING_EVENTS = "test.billing-events";

    @Inject
    Pool pool;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    protected Database database;
    protected SchedulingEvents schedulingEvents;
    protected Seeds seeds;

    @BeforeEach
    void connect() {
        database = new Database(pool);
        schedulingEvents = new SchedulingEvents(bootstrapServers);
        seeds = new Seeds(schedulingEvents, database);
    }

    @AfterEach
    void disconnect() {
        schedulingEvents.close();
    }
}
