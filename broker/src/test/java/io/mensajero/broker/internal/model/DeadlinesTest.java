package io.mensajero.broker.internal.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The queues' timers: one heap behind one loop timer, moved without new loop timers. */
class DeadlinesTest {
    private final ManualTimers clock = new ManualTimers();
    private int loopTimers;
    private final Timers counting = new Timers() {
        @Override
        public long now() {
            return clock.now();
        }

        @Override
        public Timer schedule(Runnable task, long delayMillis) {
            loopTimers++;
            return clock.schedule(task, delayMillis);
        }
    };
    private final Deadlines deadlines = new Deadlines(counting);
    private final List<String> ran = new ArrayList<>();

    private Deadlines.Deadline deadline(String name) {
        return deadlines.create(() -> ran.add(name + "@" + clock.now()));
    }

    @Test
    void manyDeadlinesRunInOrderOfTimeBehindOneLoopTimer() {
        for (int i = 1000; i >= 1; i--) {
            deadline("d" + i).set(i * 10L);
        }
        assertThat(loopTimers).as("a loop timer for each earlier deadline, as they came").isEqualTo(1000);
        loopTimers = 0;
        clock.advance(25);
        assertThat(ran).containsExactly("d1@25", "d2@25");
        assertThat(deadlines.pending()).isEqualTo(998);
        assertThat(loopTimers).as("one, for the next due time").isEqualTo(1);
        clock.advance(10_000);
        assertThat(ran).hasSize(1000);
        assertThat(deadlines.pending()).isZero();
    }

    @Test
    void aDeadlineMovedLaterLeavesTheLoopTimerAndRunsAtItsNewTime() {
        Deadlines.Deadline a = deadline("a");
        Deadlines.Deadline b = deadline("b");
        a.set(100);
        b.set(200);
        assertThat(loopTimers).isEqualTo(1);
        a.set(300);
        assertThat(loopTimers).as("moved later: the timer set for 100 stays").isEqualTo(1);
        clock.advance(100);
        assertThat(ran).isEmpty();
        clock.advance(100);
        assertThat(ran).containsExactly("b@200");
        a.set(250);
        clock.advance(50);
        assertThat(ran).containsExactly("b@200", "a@250");
        assertThat(a.at()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aCancelledDeadlineDoesNotRunAndAnEmptyHeapHasNoLoopTimer() {
        Deadlines.Deadline a = deadline("a");
        Deadlines.Deadline b = deadline("b");
        Deadlines.Deadline c = deadline("c");
        a.set(50);
        b.set(60);
        c.set(70);
        b.cancel();
        b.cancel();
        clock.advance(50);
        clock.advance(20);
        assertThat(ran).containsExactly("a@50", "c@70");
        a.set(500);
        a.cancel();
        int before = loopTimers;
        clock.advance(1000);
        assertThat(ran).hasSize(2);
        assertThat(loopTimers).isEqualTo(before);
    }

    @Test
    void aTaskMaySetDeadlinesAgainWhileDueOnesRun() {
        Deadlines.Deadline[] again = new Deadlines.Deadline[1];
        again[0] = deadlines.create(() -> {
            ran.add("again@" + clock.now());
            if (clock.now() < 300) {
                again[0].set(clock.now() + 100);
            }
        });
        again[0].set(100);
        deadline("x").set(100);
        for (int i = 0; i < 10; i++) {
            clock.advance(100);
        }
        assertThat(ran).containsExactlyInAnyOrder("again@100", "x@100", "again@200", "again@300");
        assertThat(deadlines.pending()).isZero();
    }
}
