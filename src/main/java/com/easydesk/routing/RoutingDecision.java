package com.easydesk.routing;

import com.easydesk.task.Priority;
import com.easydesk.task.TaskRouter;

/** Who gets a new task and why: a rule, the category's default responsible, or nobody. */
public record RoutingDecision(Outcome outcome, Long responsibleId, Long ruleId, String ruleName, Long observerId,
        Priority priority) implements TaskRouter.Route {

    /** How the responsible was found. */
    public enum Outcome {
        /** A routing rule matched and named an available employee. */
        RULE,
        /** No rule decided; the category's default responsible took the task. */
        CATEGORY_DEFAULT,
        /** Nobody available: the task waits unassigned and managers are told. */
        UNASSIGNED
    }

    static RoutingDecision byRule(RoutingRule rule, long responsibleId) {
        return new RoutingDecision(Outcome.RULE, responsibleId, rule.getId(), rule.getName(),
                rule.getObserverId(), rule.getPriority());
    }

    static RoutingDecision byFallback(Long categoryDefaultId, RoutingRule matchedButEmpty) {
        Long observer = matchedButEmpty == null ? null : matchedButEmpty.getObserverId();
        Priority priority = matchedButEmpty == null ? null : matchedButEmpty.getPriority();
        if (categoryDefaultId != null) {
            return new RoutingDecision(Outcome.CATEGORY_DEFAULT, categoryDefaultId, null, null, observer, priority);
        }
        return new RoutingDecision(Outcome.UNASSIGNED, null, null, null, observer, priority);
    }
}
