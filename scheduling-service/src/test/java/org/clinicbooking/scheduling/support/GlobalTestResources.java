package org.clinicbooking.scheduling.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the test resources every {@code @QuarkusTest} shares. Declared once, globally, so that
 * all test classes run against one Quarkus boot.
 */
@QuarkusTestResource(UserServiceStub.class)
public final class GlobalTestResources {

    private GlobalTestResources() {}
}
