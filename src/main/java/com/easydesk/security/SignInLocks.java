package com.easydesk.security;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;

/**
 * The director's view of sign-in throttling: accounts and addresses whose sign-in is locked or slowed down
 * now, and lifting that, which forgets their failed attempts.
 */
@Service
@Transactional(readOnly = true)
public class SignInLocks {

    private static final EnumSet<ThrottleKind> SIGN_IN = EnumSet.of(ThrottleKind.SIGN_IN_ACCOUNT,
            ThrottleKind.SIGN_IN_ADDRESS);

    private final ThrottleCounters counters;
    private final ThrottleProperties properties;
    private final PersonService people;
    private final Clock clock;

    SignInLocks(ThrottleCounters counters, ThrottleProperties properties, PersonService people, Clock clock) {
        this.counters = counters;
        this.properties = properties;
        this.people = people;
        this.clock = clock;
    }

    /**
     * One account or address held back now. {@code person} is whoever has the account, if anyone;
     * {@code lockedUntil} is empty when sign-in is only slowed down.
     */
    public record SignInLock(long id, boolean address, String subject, Person person, int failures,
            Instant lastFailure, Instant lockedUntil) {
    }

    /** Locked ones first, then slowed-down ones, latest failure first within each. */
    public List<SignInLock> current(Viewer viewer) {
        requireDirector(viewer);
        Instant now = clock.instant();
        return counters.findRecent(SIGN_IN, now.minus(properties.longestWindow()).minus(properties.lockDuration()))
                .stream()
                .filter(counter -> counter.isLockedAt(now) || isSlowedDown(counter, now))
                .sorted((one, other) -> Boolean.compare(other.isLockedAt(now), one.isLockedAt(now)))
                .map(counter -> view(counter, now))
                .toList();
    }

    /** Forgets the failed attempts of this account or address: sign-in works again at once. */
    @Transactional
    public void lift(Viewer viewer, long id) {
        requireDirector(viewer);
        ThrottleCounter counter = counters.findById(id).filter(found -> SIGN_IN.contains(found.getKind()))
                .orElseThrow(() -> new NotFoundException("Sign-in lock " + id));
        counters.delete(counter);
    }

    private boolean isSlowedDown(ThrottleCounter counter, Instant now) {
        SignInRule rule = counter.getKind() == ThrottleKind.SIGN_IN_ACCOUNT ? properties.accountRule()
                : properties.addressRule();
        return counter.getAttempts() >= rule.slowAfter() && !counter.getLastAt().isBefore(now.minus(rule.window()));
    }

    private SignInLock view(ThrottleCounter counter, Instant now) {
        boolean address = counter.getKind() == ThrottleKind.SIGN_IN_ADDRESS;
        Person person = address ? null : people.findByEmail(counter.getSubject()).orElse(null);
        return new SignInLock(counter.getId(), address, counter.getSubject(), person, counter.getAttempts(),
                counter.getLastAt(), counter.isLockedAt(now) ? counter.getLockedUntil() : null);
    }

    private static void requireDirector(Viewer viewer) {
        if (viewer.role() != Role.DIRECTOR) {
            throw new AccessDeniedException("Sign-in locks are the director's");
        }
    }
}
