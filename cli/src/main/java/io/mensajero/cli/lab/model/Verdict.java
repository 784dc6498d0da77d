package io.mensajero.cli.lab.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario's verdict: its checks, and a one-line summary of what was observed (a message key
 * and arguments). It passes when every check passed and the run was complete; a scenario that
 * could not finish (a participant failed, something awaited never happened) fails with the reason.
 */
public final class Verdict {
    private final List<Check> checks;
    private final String summaryKey;
    private final List<Object> summaryArgs;
    private final String incomplete;

    private Verdict(List<Check> checks, String summaryKey, List<Object> summaryArgs, String incomplete) {
        this.checks = List.copyOf(checks);
        this.summaryKey = summaryKey;
        this.summaryArgs = List.copyOf(summaryArgs);
        this.incomplete = incomplete;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The scenario could not finish; {@code reason} says why (not localized: it is a diagnostic). */
    public static Verdict incomplete(String reason, List<Check> checksSoFar) {
        return new Verdict(checksSoFar, null, List.of(), reason);
    }

    /** The same verdict with one more check. */
    public Verdict plus(Check check) {
        List<Check> all = new ArrayList<>(checks);
        all.add(check);
        return new Verdict(all, summaryKey, summaryArgs, incomplete);
    }

    public boolean passed() {
        return incomplete == null && checks.stream().allMatch(Check::passed);
    }

    public List<Check> checks() {
        return checks;
    }

    public List<Check> failed() {
        return checks.stream().filter(c -> !c.passed()).collect(Collectors.toList());
    }

    /** The summary's message key, or null when the run was incomplete. */
    public String summaryKey() {
        return summaryKey;
    }

    public List<Object> summaryArgs() {
        return summaryArgs;
    }

    /** Why the run could not finish, or null. */
    public String incomplete() {
        return incomplete;
    }

    /** Collects checks. */
    public static final class Builder {
        private final List<Check> checks = new ArrayList<>();

        private Builder() {
        }

        public Builder check(boolean passed, String key, Object... args) {
            checks.add(Check.of(passed, key, args));
            return this;
        }

        public Builder check(Check check) {
            checks.add(check);
            return this;
        }

        public List<Check> checks() {
            return List.copyOf(checks);
        }

        public Verdict summary(String key, Object... args) {
            return new Verdict(checks, key, Arrays.asList(args), null);
        }
    }
}
