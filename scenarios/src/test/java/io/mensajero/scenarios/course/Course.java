package io.mensajero.scenarios.course;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.mensajero.cli.process.Participant;
import io.mensajero.cli.process.ParticipantEvent;
import io.mensajero.scenarios.support.BrokerUnderTest;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** What the course scenarios share: starting tools against a broker, and looking at queues. */
final class Course {
    /** How long to wait for something that normally takes well under a second. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private Course() {
    }

    /** Starts {@code mensajero <args> --uri <broker> --json} as its own process. */
    static Participant tool(BrokerUnderTest broker, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--uri");
        all.add(broker.uri());
        return Participant.start(all);
    }

    /** Starts a consuming tool and waits until its consumer is registered. */
    static Participant consuming(BrokerUnderTest broker, String... args) {
        Participant participant = tool(broker, args);
        participant.awaitEvent("consuming", WAIT);
        return participant;
    }

    /** Waits for the tool to exit; returns its exit code. */
    static int exitCode(Participant participant) {
        return participant.waitFor(WAIT);
    }

    /** The bodies of one participant's events of a type, in order. */
    static List<String> bodies(Participant participant, String type) {
        return participant.events(type).stream().map(e -> e.string("body")).collect(Collectors.toList());
    }

    /** Waits until the participants together printed {@code total} events of a type. */
    static void awaitTotal(List<Participant> participants, String type, int total) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> participants.stream().mapToInt(p -> p.events(type).size()).sum() >= total);
    }

    /** The participant's summary event (after it exited). */
    static ParticipantEvent summary(Participant participant) {
        return participant.awaitEvent("summary", WAIT);
    }

    /** Messages ready in the queue, or -1 when it does not exist. */
    static int messages(BrokerUnderTest broker, String queue) {
        return inspect(broker, queue, true);
    }

    /** Consumers on the queue, or -1 when it does not exist. */
    static int consumers(BrokerUnderTest broker, String queue) {
        return inspect(broker, queue, false);
    }

    static void awaitConsumers(BrokerUnderTest broker, String queue, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> consumers(broker, queue) == count);
    }

    private static int inspect(BrokerUnderTest broker, String queue, boolean messages) {
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            var ok = channel.queueDeclarePassive(queue);
            return messages ? ok.getMessageCount() : ok.getConsumerCount();
        } catch (IOException e) {
            return -1;
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteQueue(BrokerUnderTest broker, String queue) {
        amqp(broker, channel -> channel.queueDelete(queue));
    }

    static void deleteExchange(BrokerUnderTest broker, String exchange) {
        amqp(broker, channel -> channel.exchangeDelete(exchange));
    }

    /** Publishes one message with amqp-client, outside the tools. */
    static void publish(BrokerUnderTest broker, String exchange, String routingKey, String body) {
        amqp(broker, channel -> {
            channel.basicPublish(exchange, routingKey, null, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return null;
        });
    }

    interface ChannelAction {
        Object run(Channel channel) throws IOException;
    }

    private static void amqp(BrokerUnderTest broker, ChannelAction action) {
        try (Connection connection = broker.newConnection(); Channel channel = connection.createChannel()) {
            action.run(channel);
        } catch (IOException | TimeoutException | ShutdownSignalException e) {
            throw new IllegalStateException("cannot talk to " + broker.name() + ": " + e, e);
        }
    }
}
