package io.mensajero.client;

/**
 * What kind of failure ended a pattern, and the process exit code the {@code mensajero} command
 * uses for it.
 */
public enum Failure {
    /** 1: a bug or something unforeseen. */
    INTERNAL(1),
    /** 2: a bad option value or a malformed URI; nothing was sent to a broker. */
    USAGE(2),
    /** 3: the broker could not be reached, or the connection to it was lost, however (killed, stopped, network). */
    UNREACHABLE(3),
    /** 4: the broker refused the user name or password. */
    AUTHENTICATION(4),
    /** 5: the vhost does not exist, or the user may not access it or a resource in it. */
    ACCESS_REFUSED(5),
    /** 6: the broker refused an operation (closed the channel or the connection). */
    BROKER_REFUSED(6),
    /** 7: {@code mensajero broker} could not listen: the port is taken or the address is not this machine's. */
    CANNOT_LISTEN(7);

    private final int exitCode;

    Failure(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
