package com.easydesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Attempts of one kind for one account or address, in PostgreSQL so that every node counts together and a
 * restart forgets nothing. Failed sign-ins keep counting while each comes within the window of the one
 * before, then slow down and lock; password-reset requests count in fixed windows.
 */
@Entity
@Table(name = "access_throttle")
class ThrottleCounter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private ThrottleKind kind;

    private String subject;

    private int attempts;

    @Column(name = "first_at")
    private Instant firstAt;

    @Column(name = "last_at")
    private Instant lastAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected ThrottleCounter() {
    }

    /**
     * Until when a sign-in is refused without looking at the password: while locked, and after enough
     * failures until the pause since the last one is over. Empty when a sign-in may be tried now.
     */
    Optional<Instant> signInRefusedUntil(SignInRule rule, Instant now) {
        if (lockedUntil != null) {
            return lockedUntil.isAfter(now) ? Optional.of(lockedUntil) : Optional.empty();
        }
        if (attempts < rule.slowAfter() || lastAt.isBefore(now.minus(rule.window()))) {
            return Optional.empty();
        }
        Instant next = lastAt.plus(rule.pauseAfter(attempts));
        return next.isAfter(now) ? Optional.of(next) : Optional.empty();
    }

    /**
     * Counts a failed sign-in. The count starts again when the previous failure is older than the window or
     * a lock has run out; reaching the rule's threshold locks for the lock duration.
     */
    void countFailure(SignInRule rule, Instant now) {
        boolean lockOver = lockedUntil != null && !lockedUntil.isAfter(now);
        if (attempts == 0 || lockOver || lastAt.isBefore(now.minus(rule.window()))) {
            restart(now);
        }
        attempts++;
        lastAt = now;
        if (lockedUntil == null && attempts >= rule.lockAfter()) {
            lockedUntil = now.plus(rule.lockDuration());
        }
    }

    /** Until when another request is refused: the end of the window once its limit is used up. */
    Optional<Instant> requestRefusedUntil(int limit, Duration window, Instant now) {
        Instant windowEnd = firstAt.plus(window);
        return attempts >= limit && windowEnd.isAfter(now) ? Optional.of(windowEnd) : Optional.empty();
    }

    /** Counts a request within the current window, or starts a new window. */
    void countRequest(Duration window, Instant now) {
        if (attempts == 0 || !firstAt.plus(window).isAfter(now)) {
            restart(now);
        }
        attempts++;
        lastAt = now;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    private void restart(Instant now) {
        attempts = 0;
        firstAt = now;
        lockedUntil = null;
    }

    Long getId() {
        return id;
    }

    ThrottleKind getKind() {
        return kind;
    }

    String getSubject() {
        return subject;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getLastAt() {
        return lastAt;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }
}
