package org.clinicbooking.billing.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs WireMock on a free loopback port in place of scheduling-service and points the REST
 * client at it. Tests stub the responses they need through {@link #server()}.
 */
public class SchedulingServiceStub implements QuarkusTestResourceLifecycleManager {

    private static volatile WireMockServer server;

    public static WireMockServer server() {
        if (server == null) {
            throw new IllegalStateException("SchedulingServiceStub has not started");
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        WireMockServer started =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        started.start();
        server = started;
        return Map.of("quarkus.rest-client.scheduling-service.url", started.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
