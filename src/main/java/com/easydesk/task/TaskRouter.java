package com.easydesk.task;

import java.time.Instant;

/**
 * Decides who gets a new task. The task feature defines this port and the routing feature implements
 * it, so routing may use tasks (open-task counts) without tasks depending on routing.
 */
public interface TaskRouter {

    /** Called inside the transaction that stores the task. */
    Route route(Long clientId, Long categoryId, Instant submittedAt, Long categoryDefaultId);

    /** Keeps the decision with the stored task (which rule fired) and tells managers when nobody got it. */
    void remember(long taskId, Route route);

    /** The decision: a responsible (or none), and optionally a priority and an observer. */
    interface Route {

        Long responsibleId();

        Priority priority();

        Long observerId();
    }
}
