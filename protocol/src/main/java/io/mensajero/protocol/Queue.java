package io.mensajero.protocol;

import java.util.Map;

/** The queue class (50). The reserved ticket of each request is written as 0. */
public sealed interface Queue extends Method {
    @Override
    default int classId() {
        return 50;
    }

    record Declare(String queue, boolean passive, boolean durable, boolean exclusive,
            boolean autoDelete, boolean noWait, Map<String, Object> arguments) implements Queue {
        public int methodId() {
            return 10;
        }
    }

    record DeclareOk(String queue, long messageCount, long consumerCount) implements Queue {
        public int methodId() {
            return 11;
        }
    }

    record Bind(String queue, String exchange, String routingKey, boolean noWait,
            Map<String, Object> arguments) implements Queue {
        public int methodId() {
            return 20;
        }
    }

    record BindOk() implements Queue {
        public int methodId() {
            return 21;
        }
    }

    record Purge(String queue, boolean noWait) implements Queue {
        public int methodId() {
            return 30;
        }
    }

    record PurgeOk(long messageCount) implements Queue {
        public int methodId() {
            return 31;
        }
    }

    record Delete(String queue, boolean ifUnused, boolean ifEmpty, boolean noWait) implements Queue {
        public int methodId() {
            return 40;
        }
    }

    record DeleteOk(long messageCount) implements Queue {
        public int methodId() {
            return 41;
        }
    }

    record Unbind(String queue, String exchange, String routingKey, Map<String, Object> arguments)
            implements Queue {
        public int methodId() {
            return 50;
        }
    }

    record UnbindOk() implements Queue {
        public int methodId() {
            return 51;
        }
    }
}
