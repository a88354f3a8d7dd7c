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

    /** Whether another category (not {@code exceptId}; -1 for none) has this name, given stripped and in lower case. */
    @Query("select count(c) > 0 from Category c where lower(trim(c.name)) = ?1 and c.id <> ?2")
    boolean existsNamed(String name, long exceptId);

    @Query("select coalesce(max(c.position), 0) from Category c")
    int findLastPosition();
}
