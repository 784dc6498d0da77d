package io.mensajero.scenarios.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scenario of issue 10 that Mensajero passes only once phase 2 lands (dead-lettering, TTL,
 * expiry, length limits, priorities, consumer priorities, single active consumer, quorum delivery
 * limits and policies applied to queues, all in MessageQueue). It pins RabbitMQ's behaviour now:
 * its RabbitMQ run runs as any scenario's does; its Mensajero run is skipped with {@link #value()},
 * what it waits for, unless {@code -Dphase2=run}. Phase 2 removes the annotation.
 *
 * <p>It is also the JUnit tag {@code phase2}: {@code -Dgroups=phase2 -Dphase2=run} runs exactly
 * these on both brokers.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("phase2")
@ExtendWith(Phase2Condition.class)
public @interface Phase2 {
    /** What Mensajero still lacks, e.g. "dead-lettering in MessageQueue". */
    String value();
}
