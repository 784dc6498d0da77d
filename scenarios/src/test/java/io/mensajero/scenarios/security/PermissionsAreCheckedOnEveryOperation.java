package io.mensajero.scenarios.security;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.mensajero.scenarios.amqp.Amqp;
import io.mensajero.scenarios.amqp.Amqp.Failure;
import io.mensajero.scenarios.support.BrokerState;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.ManagementApi;
import io.mensajero.scenarios.support.Names;
import io.mensajero.scenarios.support.TestUsers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation checks the permission RabbitMQ checks, on the resource it checks, in its order,
 * with its text. The user may configure names starting "cfg.", write to names starting "wr." and
 * read from names starting "rd.":
 * declare and delete need configure; purge, get and consume need read on the queue; publish needs
 * write on the exchange; a binding needs write on its destination and read on its source (the
 * destination is checked first); an alternate exchange needs read on the new exchange and write on
 * the alternate; a dead-letter exchange needs read on the new queue and write on the exchange;
 * passive declares check nothing.
 */
class PermissionsAreCheckedOnEveryOperation {

    @EachBroker
    void eachOperationChecksItsPermission(BrokerUnderTest broker) throws Exception {
        String t = Names.unique("");
        String cfgQ = "cfg.q" + t;
        String wrQ = "wr.q" + t;
        String rdQ = "rd.q" + t;
        String wrX = "wr.x" + t;
        String rdX = "rd.x" + t;
        List<String> queues = List.of(cfgQ, wrQ, rdQ, "cfg.new" + t, "rd.new" + t, "cfg.dlx" + t);
        List<String> exchanges = List.of(wrX, rdX, "cfg.x" + t, "cfg.ae" + t);
        BrokerState.amqp(broker, ch -> {
            for (String q : List.of(cfgQ, wrQ, rdQ)) {
                ch.queueDeclare(q, false, false, false, null);
            }
            ch.exchangeDeclare(wrX, "direct");
            ch.exchangeDeclare(rdX, "direct");
            return null;
        });
        try (TestUsers users = new TestUsers(ManagementApi.of(broker))) {
            String user = users.user("ops", "pw", "");
            users.permit(user, "/", "^cfg\\.", "^wr\\.", "^rd\\.");
            try (Connection c = AsUser.connect(broker, user, "pw", "/")) {
                Checks checks = new Checks(c, user);
                checks.refused("declare a queue it may not configure", 50, 10, "queue 'rd.new" + t + "'",
                        ch -> ch.queueDeclare("rd.new" + t, false, false, false, null));
                checks.allowed(ch -> ch.queueDeclare("cfg.new" + t, false, false, false, null));
                checks.allowed(ch -> ch.queueDeclarePassive(rdQ));
                checks.refused("delete a queue it may not configure", 50, 40, "queue '" + rdQ + "'",
                        ch -> ch.queueDelete(rdQ));
                checks.refused("purge a queue it may not read", 50, 30, "queue '" + cfgQ + "'",
                        ch -> ch.queuePurge(cfgQ));
                checks.allowed(ch -> ch.queuePurge(rdQ));
                checks.refused("get from a queue it may not read", 60, 70, "queue '" + wrQ + "'",
                        ch -> ch.basicGet(wrQ, true));
                checks.refused("consume from a queue it may not read", 60, 20, "queue '" + wrQ + "'",
                        ch -> ch.basicConsume(wrQ, true, (tag, d) -> { }, tag -> { }));
                checks.refused("bind a queue it may not write", 50, 20, "queue '" + rdQ + "'",
                        ch -> ch.queueBind(rdQ, rdX, "k"));
                checks.refused("bind from an exchange it may not read", 50, 20, "exchange '" + wrX + "'",
                        ch -> ch.queueBind(wrQ, wrX, "k"));
                checks.allowed(ch -> ch.queueBind(wrQ, rdX, "k"));
                checks.refused("unbind a queue it may not write", 50, 50, "queue '" + rdQ + "'",
                        ch -> ch.queueUnbind(rdQ, rdX, "k"));
                checks.allowed(ch -> ch.queueUnbind(wrQ, rdX, "k"));
                checks.refused("declare an exchange it may not configure", 40, 10, "exchange 'rd.x2" + t + "'",
                        ch -> ch.exchangeDeclare("rd.x2" + t, "direct"));
                checks.allowed(ch -> ch.exchangeDeclare("cfg.x" + t, "direct"));
                checks.refused("delete an exchange it may not configure", 40, 20, "exchange '" + wrX + "'",
                        ch -> ch.exchangeDelete(wrX));
                checks.refused("bind to an exchange it may not write", 40, 30, "exchange '" + rdX + "'",
                        ch -> ch.exchangeBind(rdX, rdX, "k"));
                checks.allowed(ch -> ch.exchangeBind(wrX, rdX, "k"));
                checks.refused("publish to an exchange it may not write", 60, 40, "exchange '" + rdX + "'", ch -> {
                    ch.confirmSelect();
                    ch.basicPublish(rdX, "k", null, "m".getBytes(StandardCharsets.UTF_8));
                    ch.waitForConfirms(5_000);
                });
                checks.allowed(ch -> {
                    ch.confirmSelect();
                    ch.basicPublish(wrX, "k", null, "m".getBytes(StandardCharsets.UTF_8));
                    ch.waitForConfirms(5_000);
                });
                checks.refused("an alternate exchange needs read on the new exchange", 40, 10,
                        "exchange 'cfg.ae" + t + "'",
                        ch -> ch.exchangeDeclare("cfg.ae" + t, "direct", false, false, Map.of("alternate-exchange", rdX)));
                checks.refused("a dead-letter exchange needs read on the new queue", 50, 10,
                        "queue 'cfg.dlx" + t + "'",
                        ch -> ch.queueDeclare("cfg.dlx" + t, false, false, false, Map.of("x-dead-letter-exchange", wrX)));
            }
        } finally {
            BrokerState.amqp(broker, ch -> {
                for (String q : queues) {
                    ch.queueDelete(q);
                }
                for (String x : exchanges) {
                    ch.exchangeDelete(x);
                }
                return null;
            });
        }
    }

    /** Runs operations on fresh channels of the user's connection. */
    private record Checks(Connection connection, String user) {
        interface Action {
            void run(Channel ch) throws Exception;
        }

        void allowed(Action action) throws Exception {
            Channel ch = connection.createChannel();
            action.run(ch);
            Amqp.assertUsable(connection);
            ch.close();
        }

        void refused(String what, int classId, int methodId, String resource, Action action) throws Exception {
            Channel ch = connection.createChannel();
            Failure f = Amqp.failure(ch, () -> action.run(ch));
            assertThat(f).as(what).isEqualTo(Failure.channel(403, "ACCESS_REFUSED - access to " + resource
                    + " in vhost '/' refused for user '" + user + "'", classId, methodId));
        }
    }
}
