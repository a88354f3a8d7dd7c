package com.easydesk.routing.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import com.easydesk.routing.RoutingAction;
import com.easydesk.routing.RoutingRule;
import com.easydesk.routing.RuleDefinition;
import com.easydesk.routing.TimeCondition;
import com.easydesk.task.Priority;

/** The rule form as typed. */
class RuleForm {

    private String name;
    private List<Long> clientIds = new ArrayList<>();
    private List<Long> categoryIds = new ArrayList<>();
    private TimeCondition timeCondition = TimeCondition.ANY;
    private List<DayOfWeek> weekdays = new ArrayList<>(EnumSet.allOf(DayOfWeek.class));

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime windowStart;

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime windowEnd;

    private RoutingAction action = RoutingAction.ASSIGN;
    private List<Long> employeeIds = new ArrayList<>();
    private Long observerId;
    private Priority priority;

    static RuleForm of(RoutingRule rule) {
        var form = new RuleForm();
        form.name = rule.getName();
        form.clientIds = new ArrayList<>(rule.getClientIds());
        form.categoryIds = new ArrayList<>(rule.getCategoryIds());
        form.timeCondition = rule.getTimeCondition();
        form.weekdays = new ArrayList<>(rule.getDays());
        form.windowStart = rule.getWindowStart();
        form.windowEnd = rule.getWindowEnd();
        form.action = rule.getAction();
        form.employeeIds = new ArrayList<>(rule.getEmployeeIds());
        form.observerId = rule.getObserverId();
        form.priority = rule.getPriority();
        return form;
    }

    RuleDefinition toDefinition() {
        return new RuleDefinition(name, clientIds, categoryIds, timeCondition,
                weekdays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekdays), windowStart,
                windowEnd, action, employeeIds, observerId, priority);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<Long> getClientIds() {
        return clientIds;
    }

    public void setClientIds(List<Long> clientIds) {
        this.clientIds = clientIds == null ? new ArrayList<>() : clientIds;
    }

    public List<Long> getCategoryIds() {
        return categoryIds;
    }

    public void setCategoryIds(List<Long> categoryIds) {
        this.categoryIds = categoryIds == null ? new ArrayList<>() : categoryIds;
    }

    public TimeCondition getTimeCondition() {
        return timeCondition;
    }

    public void setTimeCondition(TimeCondition timeCondition) {
        this.timeCondition = timeCondition == null ? TimeCondition.ANY : timeCondition;
    }

    public List<DayOfWeek> getWeekdays() {
        return weekdays;
    }

    public void setWeekdays(List<DayOfWeek> weekdays) {
        this.weekdays = weekdays == null ? new ArrayList<>() : weekdays;
    }

    public LocalTime getWindowStart() {
        return windowStart;
    }

    public void setWindowStart(LocalTime windowStart) {
        this.windowStart = windowStart;
    }

    public LocalTime getWindowEnd() {
        return windowEnd;
    }

    public void setWindowEnd(LocalTime windowEnd) {
        this.windowEnd = windowEnd;
    }

    public RoutingAction getAction() {
        return action;
    }

    public void setAction(RoutingAction action) {
        this.action = action == null ? RoutingAction.ASSIGN : action;
    }

    public List<Long> getEmployeeIds() {
        return employeeIds;
    }

    public void setEmployeeIds(List<Long> employeeIds) {
        this.employeeIds = employeeIds == null ? new ArrayList<>() : employeeIds;
    }

    public Long getObserverId() {
        return observerId;
    }

    public void setObserverId(Long observerId) {
        this.observerId = observerId;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }
}
