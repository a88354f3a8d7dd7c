package com.easydesk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * How many password-reset requests one e-mail address (registered or not) and one client address may make
 * per window ({@code easydesk.throttle.reset-*}), so that the form cannot be used to flood a mailbox.
 */
@Service
public class PasswordResetLimit {

    private final AccessThrottle throttle;
    private final Clock clock;

    PasswordResetLimit(AccessThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Counts the request and returns empty when it may go ahead; otherwise how long until it may. */
    public Optional<Duration> admit(String email, String clientAddress) {
        Optional<Instant> refusedUntil = throttle.admitResetRequest(email, clientAddress);
        return refusedUntil.map(until -> Duration.between(clock.instant(), until));
    }
}
