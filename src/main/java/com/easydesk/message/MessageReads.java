package com.easydesk.message;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface MessageReads extends Repository<MessageRead, MessageRead.Key> {

    /**
     * Marks the messages a person has on screen read, in one statement. The conditions beyond the ids repeat
     * what the page already applied: never one's own message, never an internal one for a client.
     */
    @Modifying
    @Query(nativeQuery = true, value = "insert into message_read (message_id, person_id, read_at) "
            + "select m.id, :personId, :now from message m "
            + "where m.id in (:shown) and m.task_id = :taskId and m.author_id <> :personId "
            + "and (:staff or m.internal = false) "
            + "on conflict do nothing")
    int markRead(@Param("shown") Collection<Long> shown, @Param("taskId") long taskId,
            @Param("personId") long personId, @Param("staff") boolean staff, @Param("now") Instant now);

    @Query("select r from MessageRead r join fetch r.reader where r.id.messageId in ?1")
    List<MessageRead> findOfMessages(Collection<Long> messageIds);
}
