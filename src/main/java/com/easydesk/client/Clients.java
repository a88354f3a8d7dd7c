package com.easydesk.client;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Clients extends JpaRepository<Client, Long> {

    /** Companies in one state whose name contains the pattern, or whose ИНН starts with the query. */
    @Query(value = "select c from Client c where c.active = ?1 and (lower(c.name) like ?2 or c.inn like ?3) "
            + "order by lower(c.name), c.id",
            countQuery = "select count(c) from Client c where c.active = ?1 "
                    + "and (lower(c.name) like ?2 or c.inn like ?3)")
    Page<Client> search(boolean active, String namePattern, String innPrefix, Pageable page);

    @Query("select c from Client c where c.active = true order by c.name")
    List<Client> findActive();
}
