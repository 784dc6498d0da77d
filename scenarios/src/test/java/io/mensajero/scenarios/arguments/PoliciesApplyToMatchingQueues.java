package io.mensajero.scenarios.arguments;

import com.rabbitmq.client.GetResponse;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;
import io.mensajero.scenarios.support.Names;

import java.time.Duration;

import static io.mensajero.scenarios.arguments.Fixture.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Policies (set through the management API): a policy applies to the queues (or exchanges) whose
 * name its pattern matches anywhere, as apply-to allows; of several, the highest priority; a
 * policy holding a key the queue's type cannot apply (delivery-limit on a classic queue) does not
 * match that queue at all. Policy and queue argument combine as RabbitMQ documents: the smaller
 * TTL, length and expiry, the argument's dead-letter exchange; an operator policy caps a policy.
 * A policy set or changed later applies to the queues that exist.
 */
class PoliciesApplyToMatchingQueues {

    /** A prefix unique to the run, so that patterns match only this scenario's queues. */
    private static String prefix() {
        return Names.unique("pol").replace('-', '_') + "_";
    }

    private static String queue(Fixture f, String name, Object... arguments) throws Exception {
        f.trackQueue(name);
        f.channel.queueDeclare(name, false, false, false, args(arguments));
        return name;
    }

    @EachBroker
    void thePatternMatchesAnywhereInTheNameAndApplyToFilters(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String p = prefix();
            f.policy(p + "capped", args("max-length", 1), 0, "queues");
            f.policy(p + "exchanges-only", args("max-length", 1), 5, "exchanges");
            String matched = queue(f, "in-" + p + "capped-queue");
            String unmatched = queue(f, p + "free");
            f.send(matched, "1", "2");
            f.send(unmatched, "1", "2");
            assertThat(f.drain(matched)).containsExactly("2");
            assertThat(f.drain(unmatched)).containsExactly("1", "2");
        }
    }

    @EachBroker
    void theHighestPriorityMatchingPolicyApplies(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String p = prefix();
            f.policy("^" + p, args("max-length", 3), 1, "all");
            f.policy("^" + p + "two", args("max-length", 2), 7, "queues");
            f.policy("^" + p, args("max-length", 1), 3, "queues");
            String two = queue(f, p + "two");
            String one = queue(f, p + "one");
            f.send(two, "1", "2", "3", "4");
            f.send(one, "1", "2", "3", "4");
            assertThat(f.drain(two)).containsExactly("3", "4");
            assertThat(f.drain(one)).containsExactly("4");
        }
    }

    @EachBroker
    void aPolicyWithAKeyTheTypeCannotApplyDoesNotMatch(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String p = prefix();
            f.policy("^" + p, args("max-length", 1, "delivery-limit", 3), 10, "queues");
            f.policy("^" + p, args("max-length", 2), 1, "queues");
            String classic = queue(f, p + "classic");
            f.send(classic, "1", "2", "3");
            assertThat(f.drain(classic)).containsExactly("2", "3");
        }
    }

    @EachBroker
    void theSmallerTtlAndLengthOfPolicyAndArgumentWin(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String p = prefix();
            f.policy("^" + p, args("max-length", 2, "message-ttl", 600_000), 0, "queues");
            String argSmaller = queue(f, p + "a", "x-max-length", 1);
            String policySmaller = queue(f, p + "b", "x-max-length", 5);
            String ttlArgSmaller = queue(f, p + "c", "x-message-ttl", 20);
            f.send(argSmaller, "1", "2", "3");
            f.send(policySmaller, "1", "2", "3");
            f.send(ttlArgSmaller, "expires");
            assertThat(f.drain(argSmaller)).containsExactly("3");
            assertThat(f.drain(policySmaller)).containsExactly("2", "3");
            f.awaitReady(ttlArgSmaller, 0);
        }
    }

    @EachBroker
    void theArgumentsDeadLetterExchangeWinsThePolicysRoutingKeyStillApplies(BrokerUnderTest broker)
            throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String p = prefix();
            String byArgument = f.exchange("direct", null);
            String byPolicy = f.exchange("direct", null);
            String argumentQueue = f.queue(null);
            String policyQueue = f.queue(null);
            f.bind(argumentQueue, byArgument, "from-policy");
            f.bind(policyQueue, byPolicy, "from-policy");
            f.policy("^" + p, args("dead-letter-exchange", byPolicy, "dead-letter-routing-key", "from-policy"), 0,
                    "queues");
            String q = queue(f, p + "q", "x-dead-letter-exchange", byArgument);
            f.send(q, "rejected");
            GetResponse r = f.awaitGetNoAck(q);
            f.channel.basicReject(r.getEnvelope().getDeliveryTag(), false);
            GetResponse dead = f.awaitGet(argumentQueue);
            assertThat(dead.getEnvelope().getRoutingKey()).isEqualTo("from-policy");
            assertThat(f.ready(policyQueue)).isZero();
        }
    }

    @EachBroker
    void anOperatorPolicyCapsThePolicy(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String p = prefix();
            f.policy("^" + p, args("max-length", 3), 0, "queues");
            f.operatorPolicy("^" + p, args("max-length", 1), 0, "queues");
            f.operatorPolicy("^" + p + "op", args("max-length", 2), 5, "queues");
            String capped = queue(f, p + "capped");
            String only = queue(f, p + "op");
            f.send(capped, "1", "2", "3");
            f.send(only, "1", "2", "3");
            assertThat(f.drain(capped)).containsExactly("3");
            assertThat(f.drain(only)).containsExactly("2", "3");
        }
    }

    @EachBroker
    void aPolicySetLaterAppliesToExistingQueuesAndClearingItLifts(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String p = prefix();
            String q = queue(f, p + "existing");
            f.send(q, "1", "2", "3");
            String policy = f.policy("^" + p, args("max-length", 1), 0, "queues");
            f.awaitReady(q, 1);
            f.policies.clear(policy);
            await().atMost(Fixture.PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> {
                f.send(q, "more");
                return f.ready(q) >= 3;
            });
        }
    }

    @EachBroker
    void quorumQueuesTakeTheSmallerDeliveryLimitAndThePolicysOverflow(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String p = prefix();
            String dlq = f.queue(null);
            f.policy("^" + p, args("delivery-limit", 1, "overflow", "reject-publish", "max-length", 1), 0, "queues");
            String q = p + "quorum";
            f.trackQueue(q);
            f.channel.queueDeclare(q, true, false, false, args("x-queue-type", "quorum", "x-delivery-limit", 5,
                    "x-overflow", "drop-head", "x-dead-letter-exchange", "", "x-dead-letter-routing-key", dlq));
            assertThat(f.publishAcked("", q, null, "poison")).isTrue();
            assertThat(f.publishAcked("", q, null, "over")).isTrue();
            assertThat(f.publishAcked("", q, null, "refused")).as("the policy's reject-publish").isFalse();
            f.channel.basicAck(f.awaitGetNoAck(q).getEnvelope().getDeliveryTag(), false);
            assertThat(f.ready(q)).isEqualTo(1);
            for (int i = 0; i < 2; i++) {
                GetResponse r = f.awaitGetNoAck(q);
                f.channel.basicNack(r.getEnvelope().getDeliveryTag(), false, true);
            }
            assertThat(Deaths.of(f.awaitGet(dlq))).containsExactly(Deaths.Death.of(1, "delivery_limit", q, "", q));
        }
    }

    @EachBroker
    void anExchangePolicyGivesAnAlternateTheArgumentOverrides(BrokerUnderTest broker) throws Exception {
        try (Fixture f = Fixture.open(broker)) {
            String p = prefix();
            String policyAe = f.exchange("fanout", null);
            String argumentAe = f.exchange("fanout", null);
            String viaPolicy = f.queue(null);
            String viaArgument = f.queue(null);
            f.bind(viaPolicy, policyAe, "");
            f.bind(viaArgument, argumentAe, "");
            f.policy("^" + p, args("alternate-exchange", policyAe), 0, "exchanges");
            String plain = p + "plain";
            String own = p + "own";
            f.trackExchange(plain);
            f.trackExchange(own);
            f.channel.exchangeDeclare(plain, "direct", false, false, null);
            f.channel.exchangeDeclare(own, "direct", false, false, args("alternate-exchange", argumentAe));
            f.publish(plain, "nowhere", null, "by-policy");
            f.publish(own, "nowhere", null, "by-argument");
            assertThat(f.awaitGet(viaPolicy).getBody()).isEqualTo(Fixture.bytes("by-policy"));
            assertThat(f.awaitGet(viaArgument).getBody()).isEqualTo(Fixture.bytes("by-argument"));
            assertThat(f.ready(viaPolicy) + f.ready(viaArgument)).isZero();
        }
    }
}
