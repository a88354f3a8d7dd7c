package com.easydesk.routing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.shared.NotFoundException;
import com.easydesk.task.TaskRouter;
import com.easydesk.task.Workload;

/**
 * Decides who gets a new task: the first enabled rule that matches picks among its available employees;
 * when it finds nobody (or no rule matches) the category's default responsible takes over; when nobody
 * at all is available the task stays unassigned and managers are told.
 */
@Service
@Transactional(readOnly = true)
public class RoutingService implements TaskRouter {

    private final RoutingRules rules;
    private final StaffAbsences absences;
    private final RoutingRecords records;
    private final PersonService people;
    private final Workload workload;
    private final BusinessHours hours;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoutingService(RoutingRules rules, StaffAbsences absences, RoutingRecords records, PersonService people,
            Workload workload, BusinessHours hours, ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.absences = absences;
        this.records = records;
        this.people = people;
        this.workload = workload;
        this.hours = hours;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public RoutingDecision route(Long clientId, Long categoryId, java.time.Instant submittedAt,
            Long categoryDefaultId) {
        return decide(new Submission(clientId, categoryId, submittedAt, categoryDefaultId), true);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void remember(long taskId, TaskRouter.Route route) {
        var decision = (RoutingDecision) route;
        records.save(new RoutingRecord(taskId, decision, clock.instant()));
        if (decision.outcome() == RoutingDecision.Outcome.UNASSIGNED) {
            events.publishEvent(new RoutingEvents.NobodyAvailable(taskId));
        }
    }

    /** What would happen to a task submitted now or at another moment; changes nothing, advances no turn. */
    public RoutingDecision preview(Submission submission) {
        return decide(submission, false);
    }

    public Optional<RoutingRecord> decisionFor(long taskId) {
        return records.findById(taskId);
    }

    private RoutingDecision decide(Submission submission, boolean forReal) {
        Set<Long> unavailable = unavailableIds();
        Optional<RoutingRule> matching = rules.findAllInOrder().stream()
                .filter(rule -> RuleMatcher.matches(rule, submission, hours))
                .findFirst();
        if (matching.isPresent()) {
            RoutingRule rule = matching.get();
            Long lastPicked = forReal ? Long.valueOf(rules.lockAndReadLastPicked(rule.getId()))
                    : rule.getLastPickedId();
            Optional<Long> picked = pick(rule, lastPicked, unavailable, forReal);
            if (picked.isPresent()) {
                return RoutingDecision.byRule(rule, picked.get());
            }
        }
        Long fallback = submission.categoryDefaultId();
        boolean fallbackAvailable = fallback != null && !unavailable.contains(fallback);
        return RoutingDecision.byFallback(fallbackAvailable ? fallback : null, matching.orElse(null));
    }

    private Optional<Long> pick(RoutingRule rule, Long lastPicked, Set<Long> unavailable, boolean forReal) {
        List<Long> candidates = rule.getEmployeeIds().stream().filter(id -> !unavailable.contains(id)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        long chosen = switch (rule.getAction()) {
            case ASSIGN -> candidates.get(0);
            case ROUND_ROBIN -> nextInTurn(candidates, lastPicked);
            case LEAST_LOADED -> leastLoaded(candidates);
        };
        if (forReal) {
            rules.storeLastPicked(rule.getId(), chosen);
        }
        return Optional.of(chosen);
    }

    private static long nextInTurn(List<Long> candidatesById, Long lastPicked) {
        if (lastPicked == null) {
            return candidatesById.get(0);
        }
        return candidatesById.stream().filter(id -> id > lastPicked).findFirst().orElse(candidatesById.get(0));
    }

    private long leastLoaded(List<Long> candidatesById) {
        Map<Long, Long> open = workload.openTasksOf(candidatesById);
        return candidatesById.stream()
                .min(Comparator.comparing((Long id) -> open.getOrDefault(id, 0L)).thenComparing(id -> id))
                .orElseThrow();
    }

    /** Deactivated, absent, or not staff at all: nobody routing may give a task to. */
    private Set<Long> unavailableIds() {
        Set<Long> unavailable = new HashSet<>();
        absences.findAll().forEach(absence -> unavailable.add(absence.getPersonId()));
        Set<Long> activeStaff = people.activeStaff().stream().map(Person::getId).collect(Collectors.toSet());
        rules.findAllInOrder().forEach(rule -> rule.getEmployeeIds().stream()
                .filter(id -> !activeStaff.contains(id)).forEach(unavailable::add));
        return unavailable;
    }

    // ---- The settings page ----

    public List<RoutingRule> rules() {
        return rules.findAllInOrder();
    }

    public RoutingRule rule(long id) {
        return rules.findById(id).orElseThrow(() -> new NotFoundException("Routing rule " + id));
    }

    /** Enabled rules that can assign nobody now: every employee of theirs is deactivated or absent. */
    public Set<Long> rulesAssigningNobody() {
        Set<Long> unavailable = unavailableIds();
        Set<Long> absentOrGone = new HashSet<>(unavailable);
        return rules.findAllInOrder().stream()
                .filter(rule -> rule.isEnabled() && absentOrGone.containsAll(rule.getEmployeeIds()))
                .map(RoutingRule::getId)
                .collect(Collectors.toSet());
    }

    /** Problems of a rule as typed, by form field: empty means it may be saved. */
    public Map<RuleField, String> problemsWith(RuleDefinition definition) {
        Map<RuleField, String> problems = new EnumMap<>(RuleField.class);
        if (definition.name() == null || definition.name().isBlank()) {
            problems.put(RuleField.NAME, "routing.rule.name.required");
        }
        if (definition.timeCondition() == TimeCondition.WINDOW) {
            if (definition.windowStart() == null || definition.windowEnd() == null) {
                problems.put(RuleField.WINDOW, "routing.rule.window.required");
            } else if (definition.windowStart().equals(definition.windowEnd())) {
                problems.put(RuleField.WINDOW, "routing.rule.window.equal-ends");
            }
        }
        Set<Long> staff = people.activeStaff().stream().map(Person::getId).collect(Collectors.toSet());
        if (definition.employeeIds().isEmpty()) {
            problems.put(RuleField.EMPLOYEES, "routing.rule.employees.required");
        } else if (!staff.containsAll(definition.employeeIds())) {
            problems.put(RuleField.EMPLOYEES, "routing.rule.employees.not-staff");
        } else if (definition.action() == RoutingAction.ASSIGN && definition.employeeIds().size() != 1) {
            problems.put(RuleField.EMPLOYEES, "routing.rule.employees.assign-one");
        }
        if (definition.observerId() != null && !staff.contains(definition.observerId())) {
            problems.put(RuleField.OBSERVER, "routing.rule.observer.not-staff");
        }
        return problems;
    }

    @Transactional
    public RoutingRule add(RuleDefinition definition) {
        requireValid(definition);
        var rule = new RoutingRule(definition.name(), rules.findLastPosition() + 10);
        rule.define(definition);
        return rules.save(rule);
    }

    @Transactional
    public RoutingRule change(long id, RuleDefinition definition) {
        requireValid(definition);
        RoutingRule rule = rule(id);
        rule.define(definition);
        return rule;
    }

    @Transactional
    public void remove(long id) {
        rules.delete(rule(id));
    }

    @Transactional
    public void switchOn(long id, boolean on) {
        rule(id).switchOn(on);
    }

    /** Moves a rule one place up or down by swapping positions with its neighbour; positions stay unique. */
    @Transactional
    public void move(long id, boolean up) {
        List<RoutingRule> ordered = new ArrayList<>(rules.findAllInOrder());
        int index = ordered.indexOf(rule(id));
        int neighbour = up ? index - 1 : index + 1;
        if (index < 0 || neighbour < 0 || neighbour >= ordered.size()) {
            return;
        }
        RoutingRule moved = ordered.remove(index);
        ordered.add(neighbour, moved);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).moveTo((i + 1) * 10);
        }
    }

    public Set<Long> absentIds() {
        return absences.findAll().stream().map(StaffAbsence::getPersonId).collect(Collectors.toSet());
    }

    @Transactional
    public void markAbsent(long personId, boolean absent) {
        Person person = people.get(personId);
        if (!person.isStaff()) {
            throw new NotFoundException("Staff member " + personId);
        }
        if (absent && !absences.existsById(personId)) {
            absences.save(new StaffAbsence(personId, clock.instant()));
        } else if (!absent) {
            absences.deleteById(personId);
        }
    }

    private void requireValid(RuleDefinition definition) {
        if (!problemsWith(definition).isEmpty()) {
            throw new IllegalArgumentException("Invalid routing rule: " + problemsWith(definition));
        }
    }

    /** The parts of the rule form a problem can be shown next to. */
    public enum RuleField {
        NAME, WINDOW, EMPLOYEES, OBSERVER
    }
}
