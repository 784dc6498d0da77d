package io.mensajero.scenarios.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.mensajero.scenarios.support.BrokerUnderTest;
import io.mensajero.scenarios.support.EachBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * queue.declare-ok, passive or not, reports the queue's ready messages (not those delivered and
 * unacknowledged) and its consumers.
 */
class QueueDeclareOkReportsCounts {

    @EachBroker
    void freshQueue(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queueName("q");
            AMQP.Queue.DeclareOk ok = s.channel.queueDeclare(q, false, false, false, null);
            assertThat(ok.getQueue()).isEqualTo(q);
            assertThat(ok.getMessageCount()).isZero();
            assertThat(ok.getConsumerCount()).isZero();
        }
    }

    @EachBroker
    void readyMessagesAndConsumers(BrokerUnderTest broker) throws Exception {
        try (Session s = Session.open(broker)) {
            String q = s.queue();
            s.send(q, "1", "2", "3", "4");
            AMQP.Queue.DeclareOk ok = s.channel.queueDeclare(q, false, false, false, null);
            assertThat(ok.getMessageCount()).isEqualTo(4);
            assertThat(ok.getConsumerCount()).isZero();

            Channel one = s.newChannel();
            one.basicQos(1);
            Inbox holdsOne = new Inbox(one);
            one.basicConsume(q, false, holdsOne);
            holdsOne.next();
            AMQP.Queue.DeclareOk afterOne = s.channel.queueDeclarePassive(q);
            assertThat(afterOne.getMessageCount()).isEqualTo(3);
            assertThat(afterOne.getConsumerCount()).isEqualTo(1);

            Channel two = s.newChannel();
            two.basicQos(2);
            Inbox holdsTwo = new Inbox(two);
            two.basicConsume(q, false, holdsTwo);
            holdsTwo.next(2);
            AMQP.Queue.DeclareOk afterThree = s.channel.queueDeclare(q, false, false, false, null);
            assertThat(afterThree.getMessageCount()).isEqualTo(1);
            assertThat(afterThree.getConsumerCount()).isEqualTo(2);
        }
    }
}
