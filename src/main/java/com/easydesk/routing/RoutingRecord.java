package com.easydesk.routing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which rule (or fallback) gave a task its responsible; kept for the task's history. */
@Entity
@Table(name = "routing_decision")
public class RoutingRecord {

    @Id
    @Column(name = "task_id")
    private Long taskId;

    @Column(name = "rule_id")
    private Long ruleId;

    @Column(name = "rule_name")
    private String ruleName;

    @Enumerated(EnumType.STRING)
    private RoutingDecision.Outcome outcome;

    @Column(name = "responsible_id")
    private Long responsibleId;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected RoutingRecord() {
    }

    RoutingRecord(long taskId, RoutingDecision decision, Instant now) {
        this.taskId = taskId;
        this.ruleId = decision.ruleId();
        this.ruleName = decision.ruleName();
        this.outcome = decision.outcome();
        this.responsibleId = decision.responsibleId();
        this.decidedAt = now;
    }

    public String getRuleName() {
        return ruleName;
    }

    public RoutingDecision.Outcome getOutcome() {
        return outcome;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
