package io.mensajero.broker.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * RabbitMQ's password hashes: base64 of a 4-octet random salt followed by the digest of salt and
 * password ({@code rabbit_password_hashing_sha256}, the default; {@code _sha512} and {@code _md5}
 * are read from imported definitions). Definitions therefore move between the brokers with their
 * passwords intact, and no password is ever kept in clear.
 */
public final class PasswordHashing {
    public static final String SHA256 = "rabbit_password_hashing_sha256";
    public static final String SHA512 = "rabbit_password_hashing_sha512";
    public static final String MD5 = "rabbit_password_hashing_md5";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_LENGTH = 4;

    private PasswordHashing() {
    }

    public static boolean known(String algorithm) {
        return SHA256.equals(algorithm) || SHA512.equals(algorithm) || MD5.equals(algorithm);
    }

    /** A new salted SHA-256 hash of the password, as RabbitMQ stores it. */
    public static String hash(String password) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return hash(SHA256, salt, password);
    }

    /** A hash no password matches: for users created without one. */
    public static String unusable() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return hash(Base64.getEncoder().encodeToString(random));
    }

    /**
     * Whether the password matches the stored hash. An empty hash (a user without a password) and
     * an empty password never match, as in RabbitMQ.
     */
    public static boolean verify(String algorithm, String storedHash, String password) {
        if (storedHash == null || storedHash.isEmpty() || password == null || password.isEmpty()) {
            return false;
        }
        byte[] stored;
        try {
            stored = Base64.getDecoder().decode(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (stored.length <= SALT_LENGTH || !known(algorithm)) {
            return false;
        }
        byte[] salt = new byte[SALT_LENGTH];
        System.arraycopy(stored, 0, salt, 0, SALT_LENGTH);
        byte[] expected = Base64.getDecoder().decode(hash(algorithm, salt, password));
        return MessageDigest.isEqual(stored, expected);
    }

    /** Whether the text is a hash as RabbitMQ writes it (base64, longer than a salt), or empty. */
    public static boolean wellFormed(String storedHash) {
        if (storedHash.isEmpty()) {
            return true;
        }
        try {
            return Base64.getDecoder().decode(storedHash).length > SALT_LENGTH;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String hash(String algorithm, byte[] salt, String password) {
        MessageDigest digest = digest(algorithm);
        digest.update(salt);
        digest.update(password.getBytes(StandardCharsets.UTF_8));
        byte[] hash = digest.digest();
        byte[] out = new byte[salt.length + hash.length];
        System.arraycopy(salt, 0, out, 0, salt.length);
        System.arraycopy(hash, 0, out, salt.length, hash.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private static MessageDigest digest(String algorithm) {
        String name = switch (algorithm) {
            case SHA512 -> "SHA-512";
            case MD5 -> "MD5";
            default -> "SHA-256";
        };
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + name, e);
        }
    }
}
