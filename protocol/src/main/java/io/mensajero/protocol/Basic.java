package io.mensajero.protocol;

import java.util.Map;

/**
 * The basic class (60): publish, consume, get and acknowledge messages. The reserved ticket of
 * each request and get-empty's reserved cluster-id are written as 0 / "".
 */
public sealed interface Basic extends Method {
    @Override
    default int classId() {
        return 60;
    }

    record Qos(long prefetchSize, int prefetchCount, boolean global) implements Basic {
        public int methodId() {
            return 10;
        }
    }

    record QosOk() implements Basic {
        public int methodId() {
            return 11;
        }
    }

    record Consume(String queue, String consumerTag, boolean noLocal, boolean noAck,
            boolean exclusive, boolean noWait, Map<String, Object> arguments) implements Basic {
        public int methodId() {
            return 20;
        }
    }

    record ConsumeOk(String consumerTag) implements Basic {
        public int methodId() {
            return 21;
        }
    }

    record Cancel(String consumerTag, boolean noWait) implements Basic {
        public int methodId() {
            return 30;
        }
    }

    record CancelOk(String consumerTag) implements Basic {
        public int methodId() {
            return 31;
        }
    }

    record Publish(String exchange, String routingKey, boolean mandatory, boolean immediate)
            implements Basic {
        public int methodId() {
            return 40;
        }
    }

    record Return(int replyCode, String replyText, String exchange, String routingKey)
            implements Basic {
        public int methodId() {
            return 50;
        }
    }

    record Deliver(String consumerTag, long deliveryTag, boolean redelivered, String exchange,
            String routingKey) implements Basic {
        public int methodId() {
            return 60;
        }
    }

    record Get(String queue, boolean noAck) implements Basic {
        public int methodId() {
            return 70;
        }
    }

    record GetOk(long deliveryTag, boolean redelivered, String exchange, String routingKey,
            long messageCount) implements Basic {
        public int methodId() {
            return 71;
        }
    }

    record GetEmpty() implements Basic {
        public int methodId() {
            return 72;
        }
    }

    record Ack(long deliveryTag, boolean multiple) implements Basic {
        public int methodId() {
            return 80;
        }
    }

    record Reject(long deliveryTag, boolean requeue) implements Basic {
        public int methodId() {
            return 90;
        }
    }

    record RecoverAsync(boolean requeue) implements Basic {
        public int methodId() {
            return 100;
        }
    }

    record Recover(boolean requeue) implements Basic {
        public int methodId() {
            return 110;
        }
    }

    record RecoverOk() implements Basic {
        public int methodId() {
            return 111;
        }
    }

    record Nack(long deliveryTag, boolean multiple, boolean requeue) implements Basic {
        public int methodId() {
            return 120;
        }
    }
}
