package com.easydesk.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ThrottleCounters extends JpaRepository<ThrottleCounter, Long> {

    Optional<ThrottleCounter> findByKindAndSubject(ThrottleKind kind, String subject);

    /**
     * Makes sure the counter exists, so that it can be locked: two nodes counting the first attempt at the
     * same moment must not both insert it.
     */
    @Modifying
    @Query(value = "insert into access_throttle (kind, subject, attempts, first_at, last_at) "
            + "values (:kind, :subject, 0, :now, :now) on conflict (kind, subject) do nothing", nativeQuery = true)
    void createIfMissing(String kind, String subject, Instant now);

    /** The counter locked for this transaction, so that attempts on several nodes all count. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ThrottleCounter c where c.kind = ?1 and c.subject = ?2")
    ThrottleCounter findForUpdate(ThrottleKind kind, String subject);

    @Modifying
    @Query("delete from ThrottleCounter c where c.kind = ?1 and c.subject = ?2")
    void deleteByKindAndSubject(ThrottleKind kind, String subject);

    /** Counters that no longer hold anything back: the last attempt is older than every window, no lock runs. */
    @Modifying
    @Query("delete from ThrottleCounter c where c.lastAt < ?1 and (c.lockedUntil is null or c.lockedUntil < ?2)")
    int deleteStale(Instant lastBefore, Instant now);

    @Query("select c from ThrottleCounter c where c.kind in ?1 and c.lastAt >= ?2 order by c.lastAt desc, c.id")
    List<ThrottleCounter> findRecent(Collection<ThrottleKind> kinds, Instant since);
}
