package com.easydesk.task;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskChanges extends JpaRepository<TaskChange, Long> {

    @Query("select c from TaskChange c join fetch c.actor where c.taskId = ?1 order by c.changedAt, c.id")
    List<TaskChange> findAllOfTask(long taskId);

    @Query("select c from TaskChange c join fetch c.actor where c.taskId = ?1 and c.clientVisible = true "
            + "order by c.changedAt, c.id")
    List<TaskChange> findClientVisibleOfTask(long taskId);
}
