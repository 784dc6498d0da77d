package io.mensajero.scenarios.support;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a scenario once per broker under test: Mensajero's embedded broker (a fresh one on a
 * free port for each run) and RabbitMQ. The test method takes a {@link BrokerUnderTest}
 * parameter.
 *
 * <p>{@code -Dbrokers=rabbitmq} or {@code -Dbrokers=mensajero} narrows the set. RabbitMQ is
 * found at {@code $RABBITMQ_HOST:$RABBITMQ_PORT} (default localhost:5672); when it cannot be
 * reached the RabbitMQ run is skipped with the reason, except under {@code CI=true}, where it
 * fails.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BrokersExtension.class)
public @interface EachBroker {
    /**
     * Whether Mensajero's embedded broker gets a data directory of its own (a temporary one), so
     * that {@link BrokerUnderTest#restart()} keeps what a durable broker keeps. Without it, it
     * runs in memory, as most scenarios do.
     */
    boolean dataDirectory() default false;
}
