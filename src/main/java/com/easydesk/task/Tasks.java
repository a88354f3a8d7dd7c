package com.easydesk.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.easydesk.person.Person;

/** Tasks; the client list queries apply {@link TaskVisibility}'s rule in JPQL and must change with it. */
interface Tasks extends JpaRepository<Task, Long> {

    String LIST_FETCH = "select t from Task t join fetch t.status s left join fetch t.responsible "
            + "left join fetch t.client left join fetch t.category ";

    /** A contact follows the tasks they requested and those they watch, never an internal one. */
    String FOLLOWED_BY = "where t.client.id = ?2 and t.internal = false and (t.contact.id = ?1 or exists "
            + "(select 1 from Task w join w.watchers p where w = t and p.id = ?1)) ";

    @Query(LIST_FETCH + "left join fetch t.contact left join fetch t.author left join fetch t.coExecutor "
            + "left join fetch t.observers left join fetch t.watchers where t.number = ?1")
    Optional<Task> findByNumber(long number);

    Optional<Task> findBySubmissionKey(String submissionKey);

    @Query(LIST_FETCH + "left join fetch t.watchers where t.sourceMessageId in ?1 order by t.number")
    List<Task> findCreatedFrom(Collection<Long> messageIds);

    @Query(value = LIST_FETCH + FOLLOWED_BY + "and s.kind in ?3 order by t.publicActivityAt desc",
            countQuery = "select count(t) from Task t " + FOLLOWED_BY + "and t.status.kind in ?3")
    Page<Task> findFollowedBy(long contactId, long clientId, Collection<StatusKind> kinds, Pageable page);

    @Query(value = LIST_FETCH + "where t.client.id = ?1 and t.internal = false and s.kind in ?2 "
            + "order by t.publicActivityAt desc",
            countQuery = "select count(t) from Task t where t.client.id = ?1 and t.internal = false "
                    + "and t.status.kind in ?2")
    Page<Task> findOfClientCompany(long clientId, Collection<StatusKind> kinds, Pageable page);

    /** Deactivated staff still responsible for tasks of these kinds: their tasks wait for someone to take them. */
    @Query("select distinct p from Task t join t.responsible p where p.active = false and t.status.kind in ?1 "
            + "order by p.fullName")
    List<Person> findFormerResponsibles(Collection<StatusKind> kinds);

    @Query("select t.responsible.id, count(t) from Task t where t.responsible.id in ?1 and t.status.kind in ?2 "
            + "group by t.responsible.id")
    List<Object[]> countOpenPerResponsible(Collection<Long> responsibleIds, Collection<StatusKind> kinds);
}
