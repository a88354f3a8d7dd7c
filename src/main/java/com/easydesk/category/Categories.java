package com.easydesk.category;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Categories extends JpaRepository<Category, Long> {

    @Query("select c from Category c where c.active = true order by c.position, c.name")
    List<Category> findActive();

    /** Every category with its default responsible, active ones first, for the manager's list. */
    @Query("select c from Category c left join fetch c.defaultResponsible "
            + "order by c.active desc, c.position, c.name, c.id")
    List<Category> findAllForManagers();

    @Query("select c from Category c left join fetch c.defaultResponsible where c.id = ?1")
    Optional<Category> findWithResponsible(long id);

    @Query("select coalesce(max(c.position), 0) from Category c")
    int findLastPosition();
}
