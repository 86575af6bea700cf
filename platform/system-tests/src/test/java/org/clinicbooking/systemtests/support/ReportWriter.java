package org.clinicbooking.systemtests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Marks each scenario's section passed or failed from the JUnit results and writes
 * RELIABILITY.md when the plan finishes. Registered in
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener.
 */
public final class ReportWriter implements TestExecutionListener {

    private final Map<String, Instant> classStarts = new ConcurrentHashMap<>();

    @Override
    public void executionStarted(TestIdentifier test) {
        test.getSource()
                .filter(ClassSource.class::isInstance)
                .map(source -> ((ClassSource) source).getClassName())
                .ifPresent(name -> classStarts.put(name, Instant.now()));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        String className = test.getSource()
                .map(source -> source instanceof MethodSource method
                        ? method.getClassName()
                        : source instanceof ClassSource type ? type.getClassName() : null)
                .orElse(null);
        if (className == null) {
            return;
        }
        ReliabilityReport.Section section = ReliabilityReport.existing(className);
        if (section == null) {
            return;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            section.failed(
                    test.getDisplayName(),
                    result.getThrowable().map(Throwable::getMessage).orElse(null));
        }
        if (test.getSource().filter(ClassSource.class::isInstance).isPresent() && classStarts.containsKey(className)) {
            section.finished(Duration.between(classStarts.get(className), Instant.now()));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (Boolean.parseBoolean(System.getProperty("reliability.report", "true"))) {
            ReliabilityReport.write(Stack.get().repositoryRoot().resolve("RELIABILITY.md"));
        }
    }
}
