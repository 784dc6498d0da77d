package io.mensajero.cli.lab.scenario;

import io.mensajero.cli.lab.Messages;
import io.mensajero.cli.lab.Runs;
import io.mensajero.cli.lab.model.Check;
import io.mensajero.cli.lab.model.Lane;
import io.mensajero.cli.lab.model.Mark;
import io.mensajero.cli.lab.model.Timeline;
import io.mensajero.cli.lab.model.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each scenario's verdict on made-up runs: what RabbitMQ documents passes, and each way of
 * departing from it fails with the check that says so.
 */
class JudgementTest {
    private static final Messages EN = Messages.forLanguage("en");

    @Test
    void twoReceiversPassWhenTheyTakeTurnsAndNothingIsLost() {
        Verdict verdict = TwoReceivers.judge(twoReceivers("a", "b", "a", "b"), "q", 0);
        assertThat(verdict.passed()).as("%s", verdict.failed()).isTrue();
        assertThat(verdict.summaryArgs()).containsExactly(4, "a", 2, "b", 2);
    }

    @Test
    void twoReceiversFailOnALossOnAStreakOrOnMessagesLeft() {
        assertThat(failedKeys(TwoReceivers.judge(twoReceivers("a", "b", "a", null), "q", 0)))
                .containsExactly("check.exactlyOnce");
        assertThat(failedKeys(TwoReceivers.judge(twoReceivers("a", "a", "b", "b"), "q", 0)))
                .containsExactly("check.turns");
        assertThat(failedKeys(TwoReceivers.judge(twoReceivers("a", "b", "a", "b"), "q", 2)))
                .containsExactly("check.empty");
    }

    @Test
    void aDuplicateDeliveryIsReportedAsSuch() {
        Timeline timeline = new Runs().lane("sender", Lane.Role.SENDER).lane("a", Lane.Role.RECEIVER)
                .lane("b", Lane.Role.RECEIVER)
                .sent("sender", 0, "m1", "m2")
                .received("a", 1, "m1", false).received("b", 2, "m2", false).received("b", 3, "m1", false)
                .build(10);
        Check once = TwoReceivers.judge(timeline, "q", 0).checks().get(0);
        assertThat(once.passed()).isFalse();
        assertThat(once.args()).containsExactly(List.of(), List.of("m1"), List.of());
    }

    @Test
    void ackDelayKillNeedsTheHeldJobRedeliveredToTheOtherWorker() {
        Verdict good = AckDelayKill.judge(ackDelayKill(true), "q", 0);
        assertThat(good.passed()).as("%s", good.failed()).isTrue();
        assertThat(failedKeys(AckDelayKill.judge(ackDelayKill(false), "q", 0)))
                .as("redelivered but not marked").containsExactly("check.redelivered");
    }

    @Test
    void ackDelayKillFailsWhenTheHeldJobNeverComesBack() {
        Timeline lost = new Runs().lane("jobs", Lane.Role.SENDER).lane("slow", Lane.Role.WORKER)
                .lane("fast", Lane.Role.WORKER)
                .sent("jobs", 0, "job 1", "job 2")
                .received("slow", 1, "job 1", false)
                .worked("fast", 2, 1, "job 2", false)
                .mark(Mark.of("slow", 5, io.mensajero.cli.lab.model.MarkKind.KILLED))
                .build(20);
        assertThat(failedKeys(AckDelayKill.judge(lost, "q", 0))).containsExactly("check.exactlyOnce", "check.redelivered");
    }

    @Test
    void autoAckLossPassesOnlyWhenWhatTheKilledWorkerTookIsGone() {
        Verdict gone = AutoAckLoss.judge(autoAck(false), "q", 0);
        assertThat(gone.passed()).as("%s", gone.failed()).isTrue();
        assertThat(gone.summaryArgs().get(3)).isEqualTo(2);
        assertThat(failedKeys(AutoAckLoss.judge(autoAck(true), "q", 0)))
                .as("a broker that requeues auto-acked messages is not RabbitMQ").containsExactly("check.autoAckLost");
    }

    @Test
    void fairDispatchWantsTurnsWithoutPrefetchAndTheFastWorkerAheadWithPrefetchOne() {
        Verdict fair = FairDispatch.judge(EN, fairDispatch(1), 0);
        assertThat(fair.passed()).as("%s", fair.failed()).isTrue();
        assertThat(failedKeys(FairDispatch.judge(EN, fairDispatch(3), 0))).containsExactly("check.fair");
    }

    @Test
    void asynchronyWantsEveryTaskWaitingAndDeliveredInOrder() {
        Timeline timeline = new Runs().lane("producer", Lane.Role.SENDER).lane("worker", Lane.Role.WORKER)
                .sent("producer", 0, "t1", "t2", "t3")
                .mark(Mark.exited("producer", 10, 0))
                .event("worker", 300, "connected")
                .worked("worker", 400, 1, "t1", false).worked("worker", 402, 1, "t3", false)
                .worked("worker", 404, 1, "t2", false)
                .build(500);
        Verdict verdict = Asynchrony.judge(EN, timeline, "q", 0, 3, 0);
        assertThat(failedKeys(verdict)).containsExactly("check.fifo");
        assertThat(verdict.summaryArgs().get(1)).isEqualTo("0.3 s");
        assertThat(failedKeys(Asynchrony.judge(EN, timeline, "q", 1, 3, 0))).contains("check.waited");
        assertThat(Asynchrony.inOrder(List.of("t1", "t3"), List.of("t1", "t2", "t3"))).isTrue();
        assertThat(Asynchrony.inOrder(List.of("t3", "t1"), List.of("t1", "t2", "t3"))).isFalse();
    }

    @Test
    void aDistributedOperationMustPileUpWhatWasNotAckedAndFinishEveryOrder() {
        Timeline timeline = new Runs().lane("submitter", Lane.Role.SENDER)
                .lane(new Lane("charge", "charge", "", Lane.Role.WORKER, "charge"))
                .lane(new Lane("charge-2", "charge (restarted)", "", Lane.Role.WORKER, "charge"))
                .lane(new Lane("ship", "ship", "", Lane.Role.WORKER, "ship"))
                .sentWithId("submitter", 0, "order 1", "o-1").sentWithId("submitter", 0, "order 2", "o-2")
                .mark(Mark.exited("submitter", 5, 0))
                .receivedWithId("charge", 10, "order 1", "o-1", false).acked("charge", 20, "order 1", 1)
                .receivedWithId("charge", 21, "order 2", "o-2", false)
                .receivedWithId("charge-2", 50, "order 2", "o-2", true).acked("charge-2", 60, "order 2", 1)
                .receivedWithId("ship", 30, "order 1", "o-1", false).acked("ship", 31, "order 1", 1)
                .receivedWithId("ship", 70, "order 2", "o-2", false).acked("ship", 71, "order 2", 2)
                .build(100);
        Verdict verdict = DistributedOperation.judge(EN, timeline, "charge-q", 1, 1, 0);
        assertThat(verdict.passed()).as("%s", verdict.failed()).isTrue();
        assertThat(failedKeys(DistributedOperation.judge(EN, timeline, "charge-q", 0, 1, 0)))
                .containsExactly("check.piledUp");
    }

    @Test
    void poisonMessagePassesWhenTheGoodTasksAreDoneAndThePoisonIsDeadLetteredWithItsHistory() {
        Verdict good = PoisonMessage.judge(poison(true, true), "q", "q.dead", "poison", 0);
        assertThat(good.passed()).as("%s", good.failed()).isTrue();
        assertThat(good.summaryArgs()).containsExactly(2, "poison", 1L, PoisonMessage.MAX_ATTEMPTS, "q.dead",
                "q rejected ×1, q.retry expired ×1");
    }

    @Test
    void poisonMessageFailsWhenThePoisonIsLostOrAGoodTaskIsNotDone() {
        assertThat(failedKeys(PoisonMessage.judge(poison(false, true), "q", "q.dead", "poison", 0)))
                .containsExactly("check.deadLettered");
        assertThat(failedKeys(PoisonMessage.judge(poison(true, false), "q", "q.dead", "poison", 1)))
                .containsExactly("check.goodOnce", "check.empty");
    }

    /** Two good tasks and a poison one that crashes worker 1 and is given up on by worker 2. */
    private static Timeline poison(boolean deadLettered, boolean allDone) {
        Runs runs = new Runs().lane("jobs", Lane.Role.SENDER).lane("worker-1", Lane.Role.WORKER)
                .lane("worker-2", Lane.Role.WORKER).lane("dead", Lane.Role.RECEIVER)
                .sent("jobs", 0, "job 1", "job 2", "poison")
                .worked("worker-1", 1, 1, "job 1", false)
                .received("worker-1", 3, "poison", false)
                .mark(Mark.exited("worker-1", 4, 70))
                .received("worker-2", 6, "poison", true)
                .event("worker-2", 7, "dead-lettered", "body", "poison", "seq", 1, "deadLetterQueue", "q.dead");
        if (allDone) {
            runs.worked("worker-2", 8, 1, "job 2", false);
        }
        if (deadLettered) {
            runs.event("dead", 9, "received", "body", "poison", "seq", 1, "deaths", List.of(
                    java.util.Map.of("queue", "q", "reason", "rejected", "count", 1),
                    java.util.Map.of("queue", "q.retry", "reason", "expired", "count", 1)));
        }
        return runs.build(20);
    }

    @Test
    void nodeFailoverPassesWhenTheWorkerReconnectsElsewhereAndItsHeldJobComesBack() {
        Verdict verdict = NodeFailover.judge(failover("localhost:5723", true, false), "q", 0, true);
        assertThat(verdict.passed()).as("%s", verdict.failed()).isTrue();
        assertThat(verdict.summaryArgs()).containsExactly(3, "worker", "localhost:5722", "localhost:5723", "80 ms", 3, 0, 1);
    }

    @Test
    void nodeFailoverCountsARedeliveryThatCameBeforeTheReconnectedEvent() {
        // amqp-client consumes again before it reports the recovery: the held job may come first
        Verdict verdict = NodeFailover.judge(failover("localhost:5723", true, false, 90), "q", 0, true);
        assertThat(verdict.passed()).as("%s", verdict.failed()).isTrue();
        Verdict lostJob = NodeFailover.judge(failover("localhost:5723", true, true, 90), "q", 0, true);
        assertThat(failedKeys(lostJob)).containsExactly("check.requeued", "check.atLeastOnce");
    }

    @Test
    void nodeFailoverFailsOnALossAnUnmarkedRedeliveryAReconnectionToTheDeadNodeOrANodeLeftDead() {
        assertThat(failedKeys(NodeFailover.judge(failover("localhost:5723", false, false), "q", 0, true)))
                .containsExactly("check.requeued");
        assertThat(failedKeys(NodeFailover.judge(failover("localhost:5723", true, true), "q", 0, true)))
                .containsExactly("check.requeued", "check.atLeastOnce");
        assertThat(failedKeys(NodeFailover.judge(failover("localhost:5722", true, false), "q", 0, false)))
                .containsExactly("check.failover", "check.nodeBack");
        assertThat(failedKeys(NodeFailover.judge(failover("localhost:5723", true, false), "q", 1, true)))
                .containsExactly("check.empty");
    }

    /**
     * Three jobs; the worker acks job 1, holds job 2 when its node (5722) is killed, abandons it,
     * reconnects to {@code to}, then gets job 2 again (marked or not) and job 3; with
     * {@code lose}, job 2 never comes back.
     */
    private static Timeline failover(String to, boolean marked, boolean lose) {
        return failover(to, marked, lose, 110);
    }

    /** As above, job 2 received again at {@code redeliveredAt} (the worker reports reconnected at 100). */
    private static Timeline failover(String to, boolean marked, boolean lose, long redeliveredAt) {
        String[] address = to.split(":");
        Runs runs = new Runs().lane("tasks", Lane.Role.SENDER).lane("worker", Lane.Role.WORKER)
                .sent("tasks", 0, "job 1", "job 2", "job 3")
                .event("worker", 1, "connected", "host", "localhost", "port", 5722)
                .worked("worker", 2, 5, "job 1", false)
                .received("worker", 10, "job 2", false)
                .mark(Mark.address("broker", 20, io.mensajero.cli.lab.model.MarkKind.NODE_KILLED, "localhost:5722", 0))
                .event("worker", 21, "connection-lost", "host", "localhost", "port", 5722, "reason", "Connection reset")
                .event("worker", 22, "abandoned", "body", "job 2", "seq", 2, "reason", "connection-lost")
                .event("worker", 100, "reconnected", "host", address[0], "port", Integer.parseInt(address[1]),
                        "downMs", 80);
        if (!lose) {
            runs.worked("worker", redeliveredAt, 5, "job 2", marked);
        }
        runs.worked("worker", 120, 5, "job 3", false).worked("worker", 130, 5, "job 1", true);
        return runs.lane(new Lane("broker", "broker", "", Lane.Role.BROKER, null)).build(200);
    }

    private static List<String> failedKeys(Verdict verdict) {
        return verdict.failed().stream().map(Check::key).toList();
    }

    /** Four messages; {@code who[i]} got message i+1 (null: nobody). */
    private static Timeline twoReceivers(String... who) {
        Runs runs = new Runs().lane("sender", Lane.Role.SENDER).lane("a", Lane.Role.RECEIVER)
                .lane("b", Lane.Role.RECEIVER);
        for (int i = 0; i < who.length; i++) {
            runs.sent("sender", i, "m" + (i + 1));
            if (who[i] != null) {
                runs.received(who[i], 10 + i, "m" + (i + 1), false);
            }
        }
        return runs.build(100);
    }

    private static Timeline ackDelayKill(boolean markedRedelivered) {
        return new Runs().lane("jobs", Lane.Role.SENDER).lane("slow", Lane.Role.WORKER).lane("fast", Lane.Role.WORKER)
                .sent("jobs", 0, "job 1", "job 2", "job 3")
                .worked("fast", 1, 1, "job 1", false)
                .received("slow", 2, "job 2", false)
                .worked("fast", 3, 1, "job 3", false)
                .mark(Mark.of("slow", 10, io.mensajero.cli.lab.model.MarkKind.KILLED))
                .worked("fast", 12, 1, "job 2", markedRedelivered)
                .build(20);
    }

    private static Timeline autoAck(boolean comesBack) {
        Runs runs = new Runs().lane("jobs", Lane.Role.SENDER).lane("slow-auto", Lane.Role.WORKER)
                .lane("fast", Lane.Role.WORKER)
                .sent("jobs", 0, "job 1", "job 2", "job 3")
                .received("slow-auto", 1, "job 1", false)
                .worked("fast", 2, 1, "job 2", false);
        if (comesBack) {
            runs.worked("fast", 12, 1, "job 1", true).worked("fast", 14, 1, "job 3", true);
        }
        return runs.build(20);
    }

    /** Eight tasks each side; with prefetch 1 the slow worker did {@code slowWithPrefetch} of them. */
    private static Timeline fairDispatch(int slowWithPrefetch) {
        Runs runs = new Runs().lane("slow-0", Lane.Role.WORKER).lane("fast-0", Lane.Role.WORKER)
                .lane("slow-1", Lane.Role.WORKER).lane("fast-1", Lane.Role.WORKER)
                .lane("tasks-0", Lane.Role.SENDER).lane("tasks-1", Lane.Role.SENDER);
        for (int n = 1; n <= 8; n++) {
            runs.sent("tasks-0", n, "t" + n).sent("tasks-1", n, "t" + n);
            runs.worked(n % 2 == 1 ? "slow-0" : "fast-0", 10 + n, 400, "t" + n, false);
            runs.worked(n <= slowWithPrefetch ? "slow-1" : "fast-1", 10 + n, n <= slowWithPrefetch ? 400 : 1,
                    "t" + n, false);
        }
        return runs.build(2000);
    }
}
