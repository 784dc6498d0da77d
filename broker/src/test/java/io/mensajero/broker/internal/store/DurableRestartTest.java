package io.mensajero.broker.internal.store;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import io.mensajero.broker.Broker;
import io.mensajero.broker.BrokerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded broker with a data directory, stopped and started again in the same JVM. */
class DurableRestartTest {
    @TempDir
    Path dir;

    private Broker start() {
        return Broker.start(BrokerConfig.builder().port(0).dataDir(dir).build());
    }

    private static Connection connect(Broker b) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setPort(b.port());
        return f.newConnection();
    }

    @Test
    void persistentMessagesOnADurableQueueSurviveACleanRestart() throws Exception {
        try (Broker b = start(); Connection c = connect(b)) {
            Channel ch = c.createChannel();
            ch.queueDeclare("durable-q", true, false, false, null);
            ch.queueDeclare("transient-q", false, false, false, null);
            ch.confirmSelect();
            for (int i = 0; i < 10; i++) {
                ch.basicPublish("", "durable-q", MessageProperties.PERSISTENT_TEXT_PLAIN, ("p" + i).getBytes());
                ch.basicPublish("", "durable-q", null, ("t" + i).getBytes());
                ch.basicPublish("", "transient-q", MessageProperties.PERSISTENT_TEXT_PLAIN, ("x" + i).getBytes());
            }
            ch.waitForConfirmsOrDie(5000);
            GetResponse first = ch.basicGet("durable-q", true);
            assertThat(new String(first.getBody())).isEqualTo("p0");
        }
        try (Broker b = start(); Connection c = connect(b)) {
            Channel ch = c.createChannel();
            assertThat(ch.queueDeclarePassive("durable-q").getMessageCount()).isEqualTo(9);
            List<String> bodies = new ArrayList<>();
            GetResponse r;
            while ((r = ch.basicGet("durable-q", true)) != null) {
                bodies.add(new String(r.getBody(), StandardCharsets.UTF_8));
                assertThat(r.getEnvelope().isRedeliver()).isFalse();
                assertThat(r.getProps().getDeliveryMode()).isEqualTo(2);
            }
            assertThat(bodies).containsExactly("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
            AMQP.Queue.DeclareOk gone = null;
            try {
                gone = c.createChannel().queueDeclarePassive("transient-q");
            } catch (java.io.IOException expected) {
                // 404: a non-durable queue does not come back
            }
            assertThat(gone).isNull();
        }
    }

    @Test
    void unackedMessagesComeBackRedeliveredAfterACleanRestart() throws Exception {
        try (Broker b = start(); Connection c = connect(b)) {
            Channel ch = c.createChannel();
            ch.queueDeclare("q", true, false, false, null);
            ch.confirmSelect();
            for (int i = 0; i < 3; i++) {
                ch.basicPublish("", "q", MessageProperties.PERSISTENT_BASIC, ("m" + i).getBytes());
            }
            ch.waitForConfirmsOrDie(5000);
            assertThat(new String(ch.basicGet("q", false).getBody())).isEqualTo("m0");
        }
        try (Broker b = start(); Connection c = connect(b)) {
            Channel ch = c.createChannel();
            GetResponse m0 = ch.basicGet("q", true);
            GetResponse m1 = ch.basicGet("q", true);
            assertThat(new String(m0.getBody())).isEqualTo("m0");
            assertThat(m0.getEnvelope().isRedeliver()).isTrue();
            assertThat(new String(m1.getBody())).isEqualTo("m1");
            assertThat(m1.getEnvelope().isRedeliver()).isFalse();
        }
    }

    @Test
    void aSecondBrokerOnTheSameDirectoryIsRefused() {
        try (Broker b = start()) {
            assertThat(b.port()).isPositive();
            org.assertj.core.api.Assertions.assertThatThrownBy(this::start)
                    .isInstanceOf(io.mensajero.broker.BrokerStartException.class)
                    .hasMessageContaining("in use by another broker");
        }
    }
}
