package io.mensajero.broker.internal.management;

import io.mensajero.broker.internal.BrokerContext;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * How the management API talks to the broker without either side waiting: a task is posted to
 * the broker loop (which reads a snapshot or makes a change there, confined like the rest of the
 * model), and its result comes back on the request's HTTP thread, where it is rendered.
 */
final class BrokerBridge {
    private final BrokerContext broker;

    BrokerBridge(BrokerContext broker) {
        this.broker = broker;
    }

    BrokerContext broker() {
        return broker;
    }

    /** Runs {@code task} on the broker loop; the future completes on the request's thread. */
    <T> CompletableFuture<T> call(ApiRequest request, Function<BrokerContext, T> task) {
        return call(request.executor(), task);
    }

    <T> CompletableFuture<T> call(Executor back, Function<BrokerContext, T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        broker.loop().execute(() -> {
            T value;
            try {
                value = task.apply(broker);
            } catch (Throwable t) {
                broker.flushDirty();
                back.execute(() -> result.completeExceptionally(t));
                return;
            }
            broker.flushDirty();
            back.execute(() -> result.complete(value));
        });
        return result;
    }

    /** Like {@link #call}, for a task that itself completes later (a listener binding, say). */
    <T> CompletableFuture<T> callAsync(ApiRequest request, Function<BrokerContext, CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        call(request, task).whenComplete((inner, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                inner.whenComplete((value, e) -> request.executor().execute(() -> {
                    if (e != null) {
                        result.completeExceptionally(e);
                    } else {
                        result.complete(value);
                    }
                }));
            }
        });
        return result;
    }
}
