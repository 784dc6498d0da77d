package io.mensajero.client.internal;

import java.util.Random;
import java.util.regex.Pattern;

/**
 * A worker's simulated failures: a body matching {@code crashOn} makes the process exit at once;
 * one matching {@code failOn} fails its work; otherwise the work fails with probability
 * {@code failRate}.
 */
public final class FailureSimulation {
    /** What happens to one attempt. */
    public enum Outcome { WORKS, FAILS_ON, FAILS_BY_RATE, CRASHES }

    private final Pattern failOn;
    private final Pattern crashOn;
    private final double failRate;
    private final Random random;

    public FailureSimulation(Pattern failOn, Pattern crashOn, double failRate, Random random) {
        this.failOn = failOn;
        this.crashOn = crashOn;
        this.failRate = failRate;
        this.random = random;
    }

    public boolean isActive() {
        return failOn != null || crashOn != null || failRate > 0;
    }

    /** The outcome of working on this body (a regex matches anywhere in it, as grep does). */
    public Outcome attempt(String body) {
        if (crashOn != null && crashOn.matcher(body).find()) {
            return Outcome.CRASHES;
        }
        if (failOn != null && failOn.matcher(body).find()) {
            return Outcome.FAILS_ON;
        }
        if (failRate > 0 && random.nextDouble() < failRate) {
            return Outcome.FAILS_BY_RATE;
        }
        return Outcome.WORKS;
    }
}
