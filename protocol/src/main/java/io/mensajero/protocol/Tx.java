package io.mensajero.protocol;

/** The tx class (90): standard transactions. */
public sealed interface Tx extends Method {
    @Override
    default int classId() {
        return 90;
    }

    record Select() implements Tx {
        public int methodId() {
            return 10;
        }
    }

    record SelectOk() implements Tx {
        public int methodId() {
            return 11;
        }
    }

    record Commit() implements Tx {
        public int methodId() {
            return 20;
        }
    }

    record CommitOk() implements Tx {
        public int methodId() {
            return 21;
        }
    }

    record Rollback() implements Tx {
        public int methodId() {
            return 30;
        }
    }

    record RollbackOk() implements Tx {
        public int methodId() {
            return 31;
        }
    }
}
