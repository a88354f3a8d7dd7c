package com.easydesk.checklist;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ChecklistTemplates extends JpaRepository<ChecklistTemplate, Long> {

    @Query("select distinct t from ChecklistTemplate t left join fetch t.items order by t.name")
    List<ChecklistTemplate> findAllWithSteps();
}
