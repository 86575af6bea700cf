package org.clinicbooking.kit;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs CPU-heavy or blocking work (password hashing, for one) on a worker thread and resumes
 * on the caller's Vert.x context, where Hibernate Reactive's session lives. Without the return
 * hop the session would be used from another thread and fail with HR000069.
 */
public final class Offload {

    private Offload() {}

    public static <T> Uni<T> blocking(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> offloaded = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        if (context == null) {
            return offloaded;
        }
        return offloaded.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }
}
