package io.mensajero.protocol;

/** The channel class (20): open, flow-control and close channels. */
public sealed interface Channel extends Method {
    @Override
    default int classId() {
        return 20;
    }

    /** Reserved out-of-band is written empty. */
    record Open() implements Channel {
        public int methodId() {
            return 10;
        }
    }

    /** Reserved channel-id is written as an empty longstr. */
    record OpenOk() implements Channel {
        public int methodId() {
            return 11;
        }
    }

    record Flow(boolean active) implements Channel {
        public int methodId() {
            return 20;
        }
    }

    record FlowOk(boolean active) implements Channel {
        public int methodId() {
            return 21;
        }
    }

    /**
     * Components classId and methodId name the method that caused the close; read them with
     * {@link #failingClassId()} / {@link #failingMethodId()}, since {@link #classId()} and
     * {@link #methodId()} are this method's own ids (20 / 40), as {@link Method} requires.
     */
    record Close(int replyCode, String replyText, int classId, int methodId) implements Channel {
        @Override
        public int classId() {
            return 20;
        }

        @Override
        public int methodId() {
            return 40;
        }

        public int failingClassId() {
            return classId;
        }

        public int failingMethodId() {
            return methodId;
        }
    }

    record CloseOk() implements Channel {
        public int methodId() {
            return 41;
        }
    }
}
