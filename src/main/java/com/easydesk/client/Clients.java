package com.easydesk.client;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Clients extends JpaRepository<Client, Long> {

    @Query("select c from Client c where c.active = true order by c.name")
    List<Client> findActive();
}
