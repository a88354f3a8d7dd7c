package com.easydesk.notification;

import java.time.Instant;
import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Entries of the notification area. A client's count and list hold only entries of tasks they may open now
 * and never one of an internal message: {@link #CLIENT_SEES} is the rule of {@code task.TaskVisibility} and
 * of the list queries in {@code task.Tasks}; all change together.
 */
interface Notifications extends Repository<Notification, Long> {

    /** The client is ?1, of company ?2, a supervisor when ?3; the entry's task is t and its message m. */
    String CLIENT_SEES = "t.internal = false and t.client.id = ?2 and (m is null or m.internal = false) "
            + "and (?3 = true or t.contact.id = ?1 "
            + "or exists (select 1 from Task w join w.watchers p where w = t and p.id = ?1)) ";

    String PAGE = "select n from Notification n join fetch n.task t join fetch t.author "
            + "left join fetch n.message m left join fetch m.author where n.personId = ?1 ";

    String NEWEST_FIRST = "order by n.createdAt desc, n.id desc";

    /**
     * One entry per person for one event. The same event met again (a person assigned to a task once more)
     * makes their entry unread and new instead of adding a second one.
     */
    @Modifying
    @Query(nativeQuery = true, value = "insert into notification (person_id, task_id, message_id, kind, created_at) "
            + "select p.id, :taskId, cast(:messageId as bigint), :kind, :now from person p where p.id in (:personIds) "
            + "on conflict on constraint notification_event_uq "
            + "do update set read_at = null, created_at = excluded.created_at")
    int add(@Param("personIds") Collection<Long> personIds, @Param("taskId") long taskId,
            @Param("messageId") Long messageId, @Param("kind") String kind, @Param("now") Instant now);

    @Query("select count(n) from Notification n where n.personId = ?1 and n.readAt is null")
    long countUnread(long personId);

    @Query("select count(n) from Notification n join n.task t left join n.message m "
            + "where n.personId = ?1 and n.readAt is null and " + CLIENT_SEES)
    long countUnreadOfClient(long personId, long clientId, boolean supervisor);

    @Query(value = PAGE + NEWEST_FIRST, countQuery = "select count(n) from Notification n where n.personId = ?1")
    Page<Notification> findOf(long personId, Pageable page);

    @Query(value = PAGE + "and " + CLIENT_SEES + NEWEST_FIRST,
            countQuery = "select count(n) from Notification n join n.task t left join n.message m "
                    + "where n.personId = ?1 and " + CLIENT_SEES)
    Page<Notification> findOfClient(long personId, long clientId, boolean supervisor, Pageable page);

    @Modifying
    @Query("update Notification n set n.readAt = ?3 where n.personId = ?1 and n.task.id = ?2 and n.readAt is null")
    int markTaskRead(long personId, long taskId, Instant now);

    @Modifying
    @Query("update Notification n set n.readAt = ?2 where n.personId = ?1 and n.readAt is null")
    int markAllRead(long personId, Instant now);
}
