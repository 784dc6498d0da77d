package io.mensajero.protocol;

/** The confirm class (85): publisher confirms, a RabbitMQ extension. */
public sealed interface Confirm extends Method {
    @Override
    default int classId() {
        return 85;
    }

    record Select(boolean noWait) implements Confirm {
        public int methodId() {
            return 10;
        }
    }

    record SelectOk() implements Confirm {
        public int methodId() {
            return 11;
        }
    }
}
