package io.mensajero.cli.bench.producers;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Settling publisher confirms one by one, with multiple, and out of order, each counted once. */
class OutstandingConfirmsTest {
    private static final AtomicBoolean NOT_STOPPING = new AtomicBoolean();

    private static OutstandingConfirms publishedUpTo(int capacity, long last) {
        OutstandingConfirms c = new OutstandingConfirms(capacity);
        for (long s = 1; s <= last; s++) {
            assertThat(c.published(s, NOT_STOPPING::get)).isTrue();
        }
        return c;
    }

    @Test
    void singleAndMultipleConfirmsCountEachMessageOnce() {
        OutstandingConfirms c = publishedUpTo(16, 10);
        assertThat(c.settle(3, false)).isEqualTo(1);
        assertThat(c.settle(3, false)).as("twice is once").isZero();
        assertThat(c.settle(5, true)).as("1, 2, 4 and 5").isEqualTo(4);
        assertThat(c.settle(7, false)).isEqualTo(1);
        assertThat(c.settle(10, true)).as("6, 8, 9, 10").isEqualTo(4);
        assertThat(c.settle(10, true)).isZero();
    }

    @Test
    void theRingIsReusedOnceOlderMessagesAreSettled() {
        OutstandingConfirms c = new OutstandingConfirms(4);
        assertThat(c.capacity()).isEqualTo(4);
        long settled = 0;
        for (long s = 1; s <= 1_000; s++) {
            assertThat(c.published(s, NOT_STOPPING::get)).isTrue();
            if (s % 3 == 0) {
                settled += c.settle(s, true);
            }
        }
        settled += c.settle(1_000, true);
        assertThat(settled).isEqualTo(1_000);
    }

    @Test
    void aFullRingWaitsForTheOldestUntilStopped() {
        OutstandingConfirms c = publishedUpTo(4, 4);
        AtomicBoolean stopping = new AtomicBoolean(true);
        assertThat(c.published(5, stopping::get)).as("slot of 1 still taken, and the run stops").isFalse();
        assertThat(c.settle(1, false)).isEqualTo(1);
        assertThat(c.published(5, stopping::get)).isTrue();
        assertThat(c.settle(5, true)).as("2, 3, 4, 5").isEqualTo(4);
    }

    @Test
    void aPublishCanWaitForAConfirmFromAnotherThread() throws InterruptedException {
        OutstandingConfirms c = publishedUpTo(2, 2);
        Thread settler = new Thread(() -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c.settle(2, true);
        });
        settler.start();
        assertThat(c.published(3, NOT_STOPPING::get)).isTrue();
        settler.join();
        assertThat(c.settle(3, false)).isEqualTo(1);
    }
}
