package com.easydesk.person;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a new password must be: at least ten characters, and at most 72 bytes, the most bcrypt reads
 * (anything after would silently not count). The demo accounts keep their short password: the rule
 * applies when a password is chosen, not to passwords already stored.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    private static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    /** The message key of what is wrong with this password, or empty when it is acceptable. */
    public static Optional<String> problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("password.too-long");
        }
        return Optional.empty();
    }
}
