package com.easydesk.mail;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboxMails extends JpaRepository<OutboxMail, Long> {

    /** The oldest due mail, locked so that a second sender (another node) skips it instead of sending it twice. */
    @Query(value = "select * from outbox_mail where sent_at is null and next_attempt_at <= ?1 "
            + "order by id limit 1 for update skip locked", nativeQuery = true)
    Optional<OutboxMail> lockNextDue(Instant now);
}
