package com.easydesk.task;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskStatuses extends JpaRepository<TaskStatus, Long> {

    Optional<TaskStatus> findByCode(String code);

    /** Whether another status (not {@code exceptId}; -1 for none) has this name, given stripped and in lower case. */
    @Query("select count(s) > 0 from TaskStatus s where lower(trim(s.name)) = ?1 and s.id <> ?2")
    boolean existsNamed(String name, long exceptId);

    @Query("select s from TaskStatus s where s.active = true order by s.position")
    List<TaskStatus> findActive();

    Optional<TaskStatus> findFirstByKindAndActiveTrueOrderByPosition(StatusKind kind);

    @Query("select s from TaskStatus s order by s.position, s.id")
    List<TaskStatus> findAllInOrder();

    long countByKindAndActiveTrue(StatusKind kind);

    @Query("select coalesce(max(s.position), 0) from TaskStatus s")
    int findLastPosition();
}
