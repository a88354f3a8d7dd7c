package com.easydesk.routing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RoutingRules extends JpaRepository<RoutingRule, Long> {

    @Query("select r from RoutingRule r order by r.position, r.id")
    List<RoutingRule> findAllInOrder();

    /**
     * Locks the rule row until the task that uses it commits and reads the turn from the database, not
     * from a rule loaded earlier: concurrent submissions pick one after another, so round-robin never
     * gives two of them the same employee by a race.
     */
    @Query(value = "select coalesce(last_picked_id, 0) from routing_rule where id = ?1 for update", nativeQuery = true)
    long lockAndReadLastPicked(long id);

    /** Stores the turn at once, in the transaction that holds the row's lock, not at some later flush. */
    @Modifying
    @Query(value = "update routing_rule set last_picked_id = ?2 where id = ?1", nativeQuery = true)
    void storeLastPicked(long id, long employeeId);

    @Query("select coalesce(max(r.position), 0) from RoutingRule r")
    int findLastPosition();
}
