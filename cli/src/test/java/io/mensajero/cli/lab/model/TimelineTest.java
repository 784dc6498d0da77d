package io.mensajero.cli.lab.model;

import io.mensajero.cli.lab.Runs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineTest {

    @Test
    void participantEventsBecomeMarksAtTheirOffsetFromTheStart() {
        Timeline timeline = new Runs()
                .lane("send", Lane.Role.SENDER).lane("receive", Lane.Role.RECEIVER)
                .event("send", 100, "connected", "host", "localhost")
                .sent("send", 150, "m1", "m2")
                .event("send", 160, "summary", "sent", 2)
                .received("receive", 155, "m1", false)
                .event("receive", 156, "stopping", "reason", "SIGINT")
                .build(500);

        assertThat(timeline.durationMs()).isEqualTo(500);
        assertThat(timeline.marks()).extracting(Mark::kind, Mark::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MarkKind.STARTED, 100L),
                org.assertj.core.groups.Tuple.tuple(MarkKind.SENT, 150L),
                org.assertj.core.groups.Tuple.tuple(MarkKind.SENT, 150L),
                org.assertj.core.groups.Tuple.tuple(MarkKind.RECEIVED, 155L));
        assertThat(timeline.sent()).containsExactly("m1", "m2");
        assertThat(timeline.settled("receive")).as("auto-ack: settled on arrival").containsExactly("m1");
    }

    @Test
    void aWorkersDeliveryIsSettledOnlyByItsAckOrDone() {
        Timeline timeline = new Runs()
                .lane("w", Lane.Role.WORKER)
                .worked("w", 10, 40, "job 1", false)
                .received("w", 60, "job 2", true)
                .build(200);

        List<Delivery> deliveries = timeline.deliveries("w");
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0).settled()).isTrue();
        assertThat(deliveries.get(0).settledAt()).isEqualTo(50);
        assertThat(deliveries.get(1).settled()).isFalse();
        assertThat(deliveries.get(1).redelivered()).isTrue();
        assertThat(timeline.settled("w")).containsExactly("job 1");
    }

    @Test
    void aForwardingStageKeepsTheCorrelationIdAndIsSettledByItsAck() {
        Timeline timeline = new Runs()
                .lane("submit", Lane.Role.SENDER).lane("stage", Lane.Role.WORKER)
                .sentWithId("submit", 0, "order 1", "order-1")
                .receivedWithId("stage", 5, "order 1", "order-1", false)
                .event("stage", 30, "forwarded", "body", "order 1", "seq", 1, "correlationId", "order-1",
                        "forwardTo", "next")
                .event("stage", 31, "acked", "body", "order 1", "seq", 1, "correlationId", "order-1")
                .build(100);

        Delivery delivery = timeline.deliveries("stage").get(0);
        assertThat(delivery.forwardedAt()).isEqualTo(30);
        assertThat(delivery.settledAt()).isEqualTo(31);
        assertThat(delivery.correlationId()).isEqualTo("order-1");
        assertThat(timeline.correlationIds()).containsExactly("order-1");
    }

    @Test
    void anErrorEventIsAFailureMarkAndOtherEventsAreLeftOut() {
        Timeline timeline = new Runs().lane("p", Lane.Role.RECEIVER)
                .event("p", 1, "declared", "queue", "q")
                .event("p", 2, "error", "error", "cannot reach the broker", "exitCode", 3)
                .build(10);
        assertThat(timeline.marks()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MarkKind.FAILED);
            assertThat(m.detail()).isEqualTo("cannot reach the broker");
        });
    }

    @Test
    void lossesAndLabActionsAreAddedToTheLanes() {
        Timeline timeline = new Runs().lane("send", Lane.Role.SENDER)
                .sent("send", 10, "m1")
                .mark(Mark.signal("send", 20, "SIGINT"))
                .build(50)
                .with(List.of(Mark.lost("send", 10, "m1", null)));
        assertThat(timeline.marks(MarkKind.LOST)).extracting(Mark::body).containsExactly("m1");
        assertThat(timeline.marks("send")).extracting(Mark::kind)
                .containsExactly(MarkKind.SENT, MarkKind.LOST, MarkKind.SIGNAL);
    }

    @Test
    void marksBelongToKnownLanesAndLanesAreUnique() {
        assertThatThrownBy(() -> new Timeline(10, List.of(), List.of(Mark.of("ghost", 1, MarkKind.STARTED))))
                .hasMessageContaining("unknown lane");
        TimelineBuilder builder = new TimelineBuilder(0).lane(new Lane("a", "a", "", Lane.Role.SENDER, null));
        assertThatThrownBy(() -> builder.lane(new Lane("a", "b", "", Lane.Role.SENDER, null)))
                .hasMessageContaining("two lanes named a");
    }

    @Test
    void aLaneRoleFollowsItsCommand() {
        assertThat(Lane.roleOf("staged")).isEqualTo(Lane.Role.SENDER);
        assertThat(Lane.roleOf("subscribe")).isEqualTo(Lane.Role.RECEIVER);
        assertThat(Lane.roleOf("work")).isEqualTo(Lane.Role.WORKER);
        assertThatThrownBy(() -> Lane.roleOf("lab")).isInstanceOf(IllegalArgumentException.class);
    }
}
