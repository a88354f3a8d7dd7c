package com.easydesk.person;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PasswordLinks extends JpaRepository<PasswordLink, Long> {

    Optional<PasswordLink> findByTokenHash(String tokenHash);

    /** The link locked for this transaction, so that two requests cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from PasswordLink l where l.tokenHash = ?1")
    Optional<PasswordLink> findForUpdate(String tokenHash);

    @Query("select l from PasswordLink l where l.personId = ?1 and l.usedAt is null and l.replacedAt is null")
    List<PasswordLink> findOpenOf(long personId);
}
