package com.easydesk.message;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Messages extends JpaRepository<Message, Long> {

    @Query("select m from Message m join fetch m.author where m.task.id = ?1 order by m.createdAt, m.id")
    List<Message> findAllOfTask(long taskId);

    @Query("select m from Message m join fetch m.author where m.task.id = ?1 and m.internal = false "
            + "order by m.createdAt, m.id")
    List<Message> findPublicOfTask(long taskId);

    Optional<Message> findBySubmissionKey(String submissionKey);
}
