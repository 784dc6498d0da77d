package io.mensajero.broker.internal.auth;

import java.util.List;
import java.util.Map;

/**
 * A broker user as RabbitMQ keeps it: a name, a salted password hash (never the password), the
 * hashing algorithm, tags (administrator, monitoring, policymaker, management, impersonator, or
 * any other word) and limits. Immutable.
 */
public record User(String name, String passwordHash, String hashingAlgorithm, List<String> tags,
                   Map<String, Object> limits) {
    public static final String ADMINISTRATOR = "administrator";
    public static final String MONITORING = "monitoring";
    public static final String POLICYMAKER = "policymaker";
    public static final String MANAGEMENT = "management";
    public static final String IMPERSONATOR = "impersonator";

    public User {
        tags = List.copyOf(tags);
        limits = Map.copyOf(limits);
    }

    /** A user with a password, hashed here. */
    public static User withPassword(String name, String password, List<String> tags) {
        return new User(name, PasswordHashing.hash(password), PasswordHashing.SHA256, tags, Map.of());
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    public boolean isAdministrator() {
        return hasTag(ADMINISTRATOR);
    }

    /** Sees every vhost, connection and channel in the management API. */
    public boolean isMonitor() {
        return isAdministrator() || hasTag(MONITORING);
    }

    /** Manages policies in the vhosts it can access. */
    public boolean isPolicymaker() {
        return isAdministrator() || hasTag(POLICYMAKER);
    }

    /** May log in to the management API at all. */
    public boolean isManagementUser() {
        return isMonitor() || isPolicymaker() || hasTag(MANAGEMENT);
    }

    public boolean checkPassword(String password) {
        return PasswordHashing.verify(hashingAlgorithm, passwordHash, password);
    }

    @Override
    public String toString() {
        return "User[" + name + ", tags=" + tags + "]";
    }
}
