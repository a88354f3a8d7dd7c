package com.easydesk.routing;

/** How a matching rule picks the responsible employee. */
public enum RoutingAction {
    /** Always the one employee named. */
    ASSIGN,
    /** The employees of the rule in turn. */
    ROUND_ROBIN,
    /** The employee of the rule with the fewest open tasks. */
    LEAST_LOADED
}
