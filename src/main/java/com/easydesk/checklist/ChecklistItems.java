package com.easydesk.checklist;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChecklistItems extends JpaRepository<ChecklistItem, Long> {

    @Query("select i from ChecklistItem i left join fetch i.doneBy where i.taskId = ?1 order by i.position, i.id")
    List<ChecklistItem> findOfTask(long taskId);
}
