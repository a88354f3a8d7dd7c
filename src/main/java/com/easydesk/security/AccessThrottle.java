package com.easydesk.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counters behind sign-in throttling and the password-reset limit. Accounts are counted by the e-mail
 * address as typed (trimmed, lower case), whether or not anyone has it, so that the answers never tell
 * whether an account exists; addresses by the client address the servlet container reports (behind a proxy,
 * the forwarded one: see docs/security.md).
 */
@Component
@Transactional(readOnly = true)
class AccessThrottle {

    /** Longer input is cut: an e-mail address has at most 254 characters, an IPv6 address far fewer. */
    private static final int LONGEST_SUBJECT = 320;

    private final ThrottleCounters counters;
    private final ThrottleProperties properties;
    private final Clock clock;

    AccessThrottle(ThrottleCounters counters, ThrottleProperties properties, Clock clock) {
        this.counters = counters;
        this.properties = properties;
        this.clock = clock;
    }

    /** Until when a sign-in for this account from this address is refused without trying the password. */
    Optional<Instant> signInRefusedUntil(String account, String address) {
        Instant now = now();
        Optional<Instant> forAccount = find(ThrottleKind.SIGN_IN_ACCOUNT, account)
                .flatMap(counter -> counter.signInRefusedUntil(properties.accountRule(), now));
        Optional<Instant> forAddress = find(ThrottleKind.SIGN_IN_ADDRESS, address)
                .flatMap(counter -> counter.signInRefusedUntil(properties.addressRule(), now));
        return later(forAccount, forAddress);
    }

    /** Counts a failed sign-in for the account and the address; returns until when sign-in is now locked. */
    @Transactional
    Optional<Instant> signInFailed(String account, String address) {
        Instant now = now();
        counters.deleteStale(now.minus(properties.longestWindow()), now);
        ThrottleCounter forAccount = locked(ThrottleKind.SIGN_IN_ACCOUNT, account, now);
        forAccount.countFailure(properties.accountRule(), now);
        ThrottleCounter forAddress = locked(ThrottleKind.SIGN_IN_ADDRESS, address, now);
        forAddress.countFailure(properties.addressRule(), now);
        return later(Optional.ofNullable(forAccount.getLockedUntil()),
                Optional.ofNullable(forAddress.getLockedUntil()));
    }

    /** A successful sign-in forgets the account's failures; the address keeps its count until its window ends. */
    @Transactional
    void signInSucceeded(String account) {
        counters.deleteByKindAndSubject(ThrottleKind.SIGN_IN_ACCOUNT, subject(account));
    }

    /**
     * Counts a password-reset request unless the account or the address has used up its requests for the
     * window; returns until when it is refused in that case (and counts nothing).
     */
    @Transactional
    Optional<Instant> admitResetRequest(String account, String address) {
        Instant now = now();
        ThrottleCounter forAccount = locked(ThrottleKind.RESET_ACCOUNT, account, now);
        ThrottleCounter forAddress = locked(ThrottleKind.RESET_ADDRESS, address, now);
        Optional<Instant> refused = later(
                forAccount.requestRefusedUntil(properties.resetAccountLimit(), properties.resetWindow(), now),
                forAddress.requestRefusedUntil(properties.resetAddressLimit(), properties.resetWindow(), now));
        if (refused.isEmpty()) {
            forAccount.countRequest(properties.resetWindow(), now);
            forAddress.countRequest(properties.resetWindow(), now);
        }
        return refused;
    }

    private Optional<ThrottleCounter> find(ThrottleKind kind, String subject) {
        return counters.findByKindAndSubject(kind, subject(subject));
    }

    private ThrottleCounter locked(ThrottleKind kind, String subject, Instant now) {
        String key = subject(subject);
        counters.createIfMissing(kind.name(), key, now);
        return counters.findForUpdate(kind, key);
    }

    static String subject(String typed) {
        String key = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return key.length() > LONGEST_SUBJECT ? key.substring(0, LONGEST_SUBJECT) : key;
    }

    /** To the microsecond, as PostgreSQL keeps it, so that what is returned equals what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Optional<Instant> later(Optional<Instant> one, Optional<Instant> other) {
        if (one.isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return one;
        }
        return Optional.of(one.get().isAfter(other.get()) ? one.get() : other.get());
    }
}
