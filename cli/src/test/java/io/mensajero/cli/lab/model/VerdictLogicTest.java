package io.mensajero.cli.lab.model;

import io.mensajero.cli.lab.Runs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The building blocks of every verdict: accounting, dispatch order, and checks. */
class VerdictLogicTest {

    @Test
    void accountingFindsWhatIsMissingTwiceOrNeverSent() {
        Accounting a = Accounting.compare(List.of("m1", "m2", "m3", "m3"), List.of("m3", "m1", "m1", "zz"));
        assertThat(a.missing()).containsExactly("m2", "m3");
        assertThat(a.duplicated()).containsExactly("m1");
        assertThat(a.unexpected()).containsExactly("zz");
        assertThat(a.exact()).isFalse();
        assertThat(Accounting.compare(List.of("a", "b"), List.of("b", "a")).exact()).isTrue();
        assertThat(Accounting.compare(List.of(), List.of()).exact()).isTrue();
    }

    @Test
    void turnsFollowTheSendingOrderAndLeaveRedeliveriesOut() {
        Timeline timeline = new Runs()
                .lane("s", Lane.Role.SENDER).lane("a", Lane.Role.RECEIVER).lane("b", Lane.Role.RECEIVER)
                .sent("s", 0, "m1", "m2", "m3", "m4")
                .received("b", 5, "m2", false)
                .received("a", 6, "m1", false)
                .received("a", 7, "m3", false)
                .received("b", 8, "m4", false)
                .received("b", 9, "m3", true)
                .build(20);
        List<String> turns = Dispatch.turns(timeline, List.of("a", "b"));
        assertThat(turns).containsExactly("a", "b", "a", "b");
        assertThat(Dispatch.takesTurns(turns, 2)).isTrue();
        assertThat(Dispatch.takesTurns(List.of("a", "b", "b", "a"), 2)).isFalse();
        assertThat(Dispatch.takesTurns(List.of("a", "a"), 2)).isFalse();
        assertThat(Dispatch.takesTurns(List.of("a", "a", "a"), 2)).as("b never got a turn").isFalse();
        assertThat(Dispatch.takesTurns(List.of("a", "a"), 1)).isTrue();
    }

    @Test
    void aVerdictPassesOnlyWhenEveryCheckDoesAndTheRunFinished() {
        Verdict.Builder builder = Verdict.builder().check(true, "check.a").check(true, "check.b");
        Verdict pass = builder.summary("verdict.x", 1);
        assertThat(pass.passed()).isTrue();
        assertThat(pass.summaryArgs()).containsExactly(1);
        assertThat(pass.plus(Check.of(false, "check.c", "why")).passed()).isFalse();
        assertThat(pass.plus(Check.of(false, "check.c")).failed()).extracting(Check::key).containsExactly("check.c");
        Verdict incomplete = Verdict.incomplete("timed out", List.of(Check.of(true, "check.a")));
        assertThat(incomplete.passed()).isFalse();
        assertThat(incomplete.incomplete()).isEqualTo("timed out");
        assertThat(incomplete.summaryKey()).isNull();
    }
}
