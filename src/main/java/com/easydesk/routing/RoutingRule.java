package com.easydesk.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import com.easydesk.task.Priority;

/**
 * One routing rule: conditions on client, category and the time of submission, and an action that
 * names the responsible. Empty client and category sets mean "any".
 */
@Entity
@Table(name = "routing_rule")
public class RoutingRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private int position;

    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "time_condition")
    private TimeCondition timeCondition;

    private int weekdays;

    @Column(name = "window_start")
    private LocalTime windowStart;

    @Column(name = "window_end")
    private LocalTime windowEnd;

    @Enumerated(EnumType.STRING)
    private RoutingAction action;

    @Column(name = "observer_id")
    private Long observerId;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    /**
     * The employee round-robin picked last; the next pick is the first one after this id. Written only by
     * {@link RoutingRules#storeLastPicked}, under the row's lock, never by a flush of a stale copy.
     */
    @Column(name = "last_picked_id", insertable = false, updatable = false)
    private Long lastPickedId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_rule_client", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "client_id")
    private Set<Long> clientIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_rule_category", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "category_id")
    private Set<Long> categoryIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_rule_employee", joinColumns = @JoinColumn(name = "rule_id"))
    @Column(name = "person_id")
    private Set<Long> employeeIds = new LinkedHashSet<>();

    protected RoutingRule() {
    }

    RoutingRule(String name, int position) {
        this.name = name;
        this.position = position;
        this.enabled = true;
        this.timeCondition = TimeCondition.ANY;
        this.weekdays = Weekdays.ALL;
        this.action = RoutingAction.ASSIGN;
    }

    /** Replaces everything a manager edits; the form has validated it already. */
    void define(RuleDefinition definition) {
        this.name = definition.name().strip();
        this.clientIds = new LinkedHashSet<>(definition.clientIds());
        this.categoryIds = new LinkedHashSet<>(definition.categoryIds());
        this.timeCondition = definition.timeCondition();
        this.weekdays = definition.weekdays().isEmpty() ? Weekdays.ALL : Weekdays.mask(definition.weekdays());
        this.windowStart = definition.timeCondition() == TimeCondition.WINDOW ? definition.windowStart() : null;
        this.windowEnd = definition.timeCondition() == TimeCondition.WINDOW ? definition.windowEnd() : null;
        this.action = definition.action();
        this.employeeIds = new LinkedHashSet<>(definition.employeeIds());
        this.observerId = definition.observerId();
        this.priority = definition.priority();
    }

    void switchOn(boolean on) {
        this.enabled = on;
    }

    void moveTo(int newPosition) {
        this.position = newPosition;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public TimeCondition getTimeCondition() {
        return timeCondition;
    }

    public Set<DayOfWeek> getDays() {
        return Weekdays.days(weekdays);
    }

    int getWeekdays() {
        return weekdays;
    }

    public LocalTime getWindowStart() {
        return windowStart;
    }

    public LocalTime getWindowEnd() {
        return windowEnd;
    }

    public RoutingAction getAction() {
        return action;
    }

    public Long getObserverId() {
        return observerId;
    }

    public Priority getPriority() {
        return priority;
    }

    Long getLastPickedId() {
        return lastPickedId;
    }

    public Set<Long> getClientIds() {
        return clientIds;
    }

    public Set<Long> getCategoryIds() {
        return categoryIds;
    }

    /** The employees in the order round-robin walks them: by id. */
    public Set<Long> getEmployeeIds() {
        return new TreeSet<>(employeeIds);
    }
}
