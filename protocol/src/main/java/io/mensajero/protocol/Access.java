package io.mensajero.protocol;

/** The access class (30), kept by RabbitMQ for old clients; request-ok carries the ticket. */
public sealed interface Access extends Method {
    @Override
    default int classId() {
        return 30;
    }

    record Request(String realm, boolean exclusive, boolean passive, boolean active, boolean write,
            boolean read) implements Access {
        public int methodId() {
            return 10;
        }
    }

    record RequestOk(int ticket) implements Access {
        public int methodId() {
            return 11;
        }
    }
}
