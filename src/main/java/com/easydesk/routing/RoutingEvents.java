package com.easydesk.routing;

/** What routing tells the rest of the application. */
public final class RoutingEvents {

    private RoutingEvents() {
    }

    /** A new task found nobody available: it waits unassigned until a manager assigns it. */
    public record NobodyAvailable(long taskId) {
    }
}
