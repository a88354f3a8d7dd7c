package com.easydesk.person;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface People extends JpaRepository<Person, Long> {

    @Query("select p from Person p where lower(p.email) = ?1")
    Optional<Person> findByEmail(String email);

    @Query("select p from Person p where p.role <> com.easydesk.person.Role.CLIENT_CONTACT and p.active = true "
            + "order by p.fullName")
    List<Person> findActiveStaff();

    @Query("select p from Person p where p.role = com.easydesk.person.Role.CLIENT_CONTACT and p.active = true "
            + "order by p.fullName")
    List<Person> findActiveContacts();
}
