package com.easydesk.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code easydesk.throttle.*}: when failed sign-ins slow down and lock (per account and per client address),
 * and how many password-reset requests one account or address may make per reset window. README's
 * configuration table names the environment variables.
 */
@ConfigurationProperties("easydesk.throttle")
public record ThrottleProperties(Duration window, int accountSlowAfter, int accountLockAfter,
        int addressSlowAfter, int addressLockAfter, Duration firstPause, Duration lockDuration,
        Duration resetWindow, int resetAccountLimit, int resetAddressLimit) {

    public ThrottleProperties {
        window = positive(window, Duration.ofMinutes(15), "window");
        firstPause = positive(firstPause, Duration.ofSeconds(1), "first-pause");
        lockDuration = positive(lockDuration, Duration.ofMinutes(15), "lock-duration");
        resetWindow = positive(resetWindow, Duration.ofHours(1), "reset-window");
        accountSlowAfter = atLeastOne(accountSlowAfter, 3, "account-slow-after");
        accountLockAfter = atLeastOne(accountLockAfter, 10, "account-lock-after");
        addressSlowAfter = atLeastOne(addressSlowAfter, 10, "address-slow-after");
        addressLockAfter = atLeastOne(addressLockAfter, 50, "address-lock-after");
        resetAccountLimit = atLeastOne(resetAccountLimit, 5, "reset-account-limit");
        resetAddressLimit = atLeastOne(resetAddressLimit, 20, "reset-address-limit");
    }

    SignInRule accountRule() {
        return new SignInRule(accountSlowAfter, accountLockAfter, firstPause, window, lockDuration);
    }

    SignInRule addressRule() {
        return new SignInRule(addressSlowAfter, addressLockAfter, firstPause, window, lockDuration);
    }

    /** Counters older than this hold nothing back any more. */
    Duration longestWindow() {
        return window.compareTo(resetWindow) > 0 ? window : resetWindow;
    }

    private static Duration positive(Duration value, Duration otherwise, String name) {
        Duration chosen = value == null ? otherwise : value;
        if (chosen.isNegative() || chosen.isZero()) {
            throw new IllegalArgumentException("easydesk.throttle." + name + " must be positive");
        }
        return chosen;
    }

    /** Zero stands for "not set" (a missing property binds as 0), so it takes the default. */
    private static int atLeastOne(int value, int otherwise, String name) {
        if (value < 0) {
            throw new IllegalArgumentException("easydesk.throttle." + name + " must be positive");
        }
        return value == 0 ? otherwise : value;
    }
}
