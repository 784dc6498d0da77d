package io.mensajero.protocol;

import java.util.Map;

/** The exchange class (40). The reserved ticket of each request is written as 0. */
public sealed interface Exchange extends Method {
    @Override
    default int classId() {
        return 40;
    }

    record Declare(String exchange, String type, boolean passive, boolean durable,
            boolean autoDelete, boolean internal, boolean noWait, Map<String, Object> arguments)
            implements Exchange {
        public int methodId() {
            return 10;
        }
    }

    record DeclareOk() implements Exchange {
        public int methodId() {
            return 11;
        }
    }

    record Delete(String exchange, boolean ifUnused, boolean noWait) implements Exchange {
        public int methodId() {
            return 20;
        }
    }

    record DeleteOk() implements Exchange {
        public int methodId() {
            return 21;
        }
    }

    record Bind(String destination, String source, String routingKey, boolean noWait,
            Map<String, Object> arguments) implements Exchange {
        public int methodId() {
            return 30;
        }
    }

    record BindOk() implements Exchange {
        public int methodId() {
            return 31;
        }
    }

    record Unbind(String destination, String source, String routingKey, boolean noWait,
            Map<String, Object> arguments) implements Exchange {
        public int methodId() {
            return 40;
        }
    }

    /** Its id is 51, not 41, in RabbitMQ's spec. */
    record UnbindOk() implements Exchange {
        public int methodId() {
            return 51;
        }
    }
}
