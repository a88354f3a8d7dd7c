package com.easydesk.category;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Categories extends JpaRepository<Category, Long> {

    @Query("select c from Category c where c.active = true order by c.position, c.name")
    List<Category> findActive();
}
