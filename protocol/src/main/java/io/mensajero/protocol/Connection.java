package io.mensajero.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/** The connection class (10): start, authenticate, tune, open and close a connection. */
public sealed interface Connection extends Method {
    @Override
    default int classId() {
        return 10;
    }

    record Start(int versionMajor, int versionMinor, Map<String, Object> serverProperties,
            String mechanisms, String locales) implements Connection {
        public int methodId() {
            return 10;
        }
    }

    /** The response is the SASL response octets (for PLAIN: \0user\0password). */
    record StartOk(Map<String, Object> clientProperties, String mechanism, byte[] response,
            String locale) implements Connection {
        public int methodId() {
            return 11;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StartOk s && Objects.equals(clientProperties, s.clientProperties)
                    && Objects.equals(mechanism, s.mechanism) && Arrays.equals(response, s.response)
                    && Objects.equals(locale, s.locale);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientProperties, mechanism, Arrays.hashCode(response), locale);
        }

        /** Leaves the response (which holds the password) out. */
        @Override
        public String toString() {
            return "StartOk[clientProperties=" + clientProperties + ", mechanism=" + mechanism
                    + ", response=<" + (response == null ? 0 : response.length) + " octets>, locale="
                    + locale + "]";
        }
    }

    record Secure(byte[] challenge) implements Connection {
        public int methodId() {
            return 20;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Secure s && Arrays.equals(challenge, s.challenge);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(challenge);
        }

        @Override
        public String toString() {
            return "Secure[challenge=<" + (challenge == null ? 0 : challenge.length) + " octets>]";
        }
    }

    record SecureOk(byte[] response) implements Connection {
        public int methodId() {
            return 21;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SecureOk s && Arrays.equals(response, s.response);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(response);
        }

        @Override
        public String toString() {
            return "SecureOk[response=<" + (response == null ? 0 : response.length) + " octets>]";
        }
    }

    record Tune(int channelMax, long frameMax, int heartbeat) implements Connection {
        public int methodId() {
            return 30;
        }
    }

    record TuneOk(int channelMax, long frameMax, int heartbeat) implements Connection {
        public int methodId() {
            return 31;
        }
    }

    /** Reserved capabilities and insist are written empty / false. */
    record Open(String virtualHost) implements Connection {
        public int methodId() {
            return 40;
        }
    }

    /** Reserved known-hosts is written empty. */
    record OpenOk() implements Connection {
        public int methodId() {
            return 41;
        }
    }

    /**
     * Components classId and methodId name the method that caused the close. Their accessors would
     * clash with {@link Method#classId()} / {@link Method#methodId()}, which must say 10 / 50 for the
     * codec; so read the components with {@link #failingClassId()} / {@link #failingMethodId()}.
     */
    record Close(int replyCode, String replyText, int classId, int methodId) implements Connection {
        @Override
        public int classId() {
            return 10;
        }

        @Override
        public int methodId() {
            return 50;
        }

        /** The class id of the method that caused the close (0 if none). */
        public int failingClassId() {
            return classId;
        }

        /** The method id of the method that caused the close (0 if none). */
        public int failingMethodId() {
            return methodId;
        }
    }

    record CloseOk() implements Connection {
        public int methodId() {
            return 51;
        }
    }

    record Blocked(String reason) implements Connection {
        public int methodId() {
            return 60;
        }
    }

    record Unblocked() implements Connection {
        public int methodId() {
            return 61;
        }
    }

    record UpdateSecret(String newSecret, String reason) implements Connection {
        public int methodId() {
            return 70;
        }

        @Override
        public String toString() {
            return "UpdateSecret[newSecret=<hidden>, reason=" + reason + "]";
        }
    }

    record UpdateSecretOk() implements Connection {
        public int methodId() {
            return 71;
        }
    }
}
