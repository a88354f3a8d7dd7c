package com.easydesk.person;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface People extends JpaRepository<Person, Long> {

    @Query("select p from Person p where lower(p.email) = ?1")
    Optional<Person> findByEmail(String email);

    @Query("select count(p) > 0 from Person p where lower(p.email) = ?1 and p.id <> ?2")
    boolean isEmailTakenByOther(String email, long personId);

    @Query("select p from Person p where p.role <> com.easydesk.person.Role.CLIENT_CONTACT and p.active = true "
            + "order by p.fullName")
    List<Person> findActiveStaff();

    /** Staff whose name or e-mail contains the pattern (lower case, with % around it). */
    @Query(value = "select p from Person p where p.role <> com.easydesk.person.Role.CLIENT_CONTACT "
            + "and (lower(p.fullName) like ?1 or lower(p.email) like ?1) "
            + "order by p.active desc, p.fullName, p.id",
            countQuery = "select count(p) from Person p where p.role <> com.easydesk.person.Role.CLIENT_CONTACT "
                    + "and (lower(p.fullName) like ?1 or lower(p.email) like ?1)")
    Page<Person> findStaff(String pattern, Pageable page);

    /** Contacts of one client whose name, e-mail or phone contains the pattern. */
    @Query(value = "select p from Person p where p.clientId = ?1 "
            + "and (lower(p.fullName) like ?2 or lower(p.email) like ?2 or p.phone like ?2) "
            + "order by p.active desc, p.supervisor desc, p.fullName, p.id",
            countQuery = "select count(p) from Person p where p.clientId = ?1 "
                    + "and (lower(p.fullName) like ?2 or lower(p.email) like ?2 or p.phone like ?2)")
    Page<Person> findContacts(long clientId, String pattern, Pageable page);

    @Query("select p from Person p where p.clientId = ?1 order by p.active desc, p.supervisor desc, p.fullName, p.id")
    List<Person> findContacts(long clientId);

    @Query("select count(p) from Person p where p.role = com.easydesk.person.Role.DIRECTOR and p.active = true")
    long countActiveDirectors();

    @Query("select p from Person p where p.role = com.easydesk.person.Role.CLIENT_CONTACT and p.active = true "
            + "order by p.fullName")
    List<Person> findActiveContacts();

    @Query("select p from Person p where p.role = com.easydesk.person.Role.CLIENT_CONTACT and p.active = true "
            + "and p.clientId = ?1 order by p.fullName")
    List<Person> findActiveContacts(long clientId);
}
