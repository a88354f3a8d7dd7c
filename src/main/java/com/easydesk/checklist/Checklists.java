package com.easydesk.checklist;

import org.springframework.data.jpa.repository.JpaRepository;

interface Checklists extends JpaRepository<Checklist, Long> {
}
