package com.easydesk.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.support.Mailbox;
import com.easydesk.task.Priority;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing on real PostgreSQL. Rules are global, so every rule here names a category of its own test and
 * routes nothing else.
 */
@IntegrationTest
class RoutingTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    RoutingService routing;

    @Autowired
    JdbcTemplate jdbc;

    Person fallbackEmployee;
    Category category;
    Client client;
    Person contact;

    @BeforeEach
    void setUp() {
        fallbackEmployee = fixtures.staff(Role.EMPLOYEE);
        category = fixtures.category(fallbackEmployee);
        client = fixtures.client();
        contact = fixtures.contact(client);
    }

    @Nested
    class FirstMatchingRuleDecides {

        @Test
        void ruleNamesTheResponsibleAndSetsThePriority() {
            Person chosen = fixtures.staff(Role.EMPLOYEE);
            routing.add(rule("Ромашка — срочно", List.of(client.getId()), RoutingAction.ASSIGN, Priority.HIGH,
                    chosen));

            Task task = fixtures.task(contact, category);

            assertThat(task.getResponsible().getId()).isEqualTo(chosen.getId());
            assertThat(task.getPriority()).isEqualTo(Priority.HIGH);
            assertThat(routing.decisionFor(task.getId())).get()
                    .satisfies(record -> assertThat(record.getRuleName()).isEqualTo("Ромашка — срочно"));
        }

        @Test
        void ruleForAnotherClientDoesNotFireAndTheCategoryDefaultTakesOver() {
            Person chosen = fixtures.staff(Role.EMPLOYEE);
            routing.add(rule("Другой клиент", List.of(fixtures.client().getId()), RoutingAction.ASSIGN, null, chosen));

            Task task = fixtures.task(contact, category);

            assertThat(task.getResponsible().getId()).isEqualTo(fallbackEmployee.getId());
            assertThat(routing.decisionFor(task.getId()).orElseThrow().getOutcome())
                    .isEqualTo(RoutingDecision.Outcome.CATEGORY_DEFAULT);
        }

        @Test
        void leastLoadedPicksTheEmployeeWithFewestOpenTasks() {
            Person busy = fixtures.staff(Role.EMPLOYEE);
            Person free = fixtures.staff(Role.EMPLOYEE);
            Category busyWork = fixtures.category(busy);
            fixtures.task(contact, busyWork);
            fixtures.task(contact, busyWork);
            routing.add(rule("Свободному", List.of(), RoutingAction.LEAST_LOADED, null, busy, free));

            assertThat(fixtures.task(contact, category).getResponsible().getId()).isEqualTo(free.getId());
        }
    }

    @Nested
    class Availability {

        @Test
        void absentEmployeeIsSkippedAndTheFallbackTakesOver() {
            Person onVacation = fixtures.staff(Role.EMPLOYEE);
            RoutingRule rule = routing.add(rule("В отпуске", List.of(), RoutingAction.ASSIGN, null, onVacation));
            routing.markAbsent(onVacation.getId(), true);

            Task task = fixtures.task(contact, category);

            assertThat(task.getResponsible().getId()).isEqualTo(fallbackEmployee.getId());
            assertThat(routing.rulesAssigningNobody()).contains(rule.getId());
        }

        @Test
        void deactivatedEmployeeIsSkipped() {
            Person leaver = fixtures.staff(Role.EMPLOYEE);
            Person stays = fixtures.staff(Role.EMPLOYEE);
            routing.add(rule("По очереди", List.of(), RoutingAction.ROUND_ROBIN, null, leaver, stays));
            jdbc.update("update person set active = false where id = ?", leaver.getId());

            assertThat(fixtures.task(contact, category).getResponsible().getId()).isEqualTo(stays.getId());
            assertThat(fixtures.task(contact, category).getResponsible().getId()).isEqualTo(stays.getId());
        }

        @Test
        void nobodyAvailableLeavesTaskUnassignedAndTellsManagers() {
            Person manager = fixtures.staff(Role.MANAGER);
            Category orphan = fixtures.category(null);
            Person absent = fixtures.staff(Role.EMPLOYEE);
            routing.add(new RuleDefinition("Некому", List.of(), List.of(orphan.getId()), TimeCondition.ANY,
                    EnumSet.allOf(DayOfWeek.class), null, null, RoutingAction.ASSIGN, List.of(absent.getId()), null,
                    null));
            routing.markAbsent(absent.getId(), true);

            Task task = fixtures.task(contact, orphan);

            assertThat(task.getResponsible()).isNull();
            MimeMessage mail = Mailbox.await(manager, "about #" + task.getNumber(),
                    message -> Mailbox.subject(message).contains("#" + task.getNumber()));
            assertThat(Mailbox.subject(mail)).contains("без ответственного");
        }
    }

    @Nested
    class RoundRobin {

        @Test
        void concurrentSubmissionsAreSharedOutEvenly() throws Exception {
            List<Person> team = List.of(fixtures.staff(Role.EMPLOYEE), fixtures.staff(Role.EMPLOYEE),
                    fixtures.staff(Role.EMPLOYEE));
            routing.add(rule("Команда", List.of(), RoutingAction.ROUND_ROBIN, null, team.toArray(Person[]::new)));
            List<Person> contacts = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                contacts.add(fixtures.contact(client));
            }

            ExecutorService pool = Executors.newFixedThreadPool(9);
            var start = new CountDownLatch(1);
            List<Future<Task>> submitted = new ArrayList<>();
            for (Person submitter : contacts) {
                submitted.add(pool.submit(() -> {
                    start.await();
                    return fixtures.task(submitter, category);
                }));
            }
            start.countDown();
            List<Long> picks = new ArrayList<>();
            for (Future<Task> task : submitted) {
                picks.add(task.get().getResponsible().getId());
            }
            pool.shutdown();

            Map<Long, Long> perEmployee = picks.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perEmployee).containsOnlyKeys(team.stream().map(Person::getId).toList())
                    .allSatisfy((employee, count) -> assertThat(count).isEqualTo(3L));
        }
    }

    @Nested
    class Preview {

        @Test
        void previewSaysWhoWouldGetItWithoutTakingATurn() {
            List<Person> team = List.of(fixtures.staff(Role.EMPLOYEE), fixtures.staff(Role.EMPLOYEE));
            routing.add(rule("Двое", List.of(), RoutingAction.ROUND_ROBIN, null, team.toArray(Person[]::new)));
            var submission = new Submission(client.getId(), category.getId(), Instant.now(), fallbackEmployee.getId());

            RoutingDecision first = routing.preview(submission);
            RoutingDecision second = routing.preview(submission);

            assertThat(first.ruleName()).isEqualTo("Двое");
            assertThat(second.responsibleId()).isEqualTo(first.responsibleId());
            assertThat(fixtures.task(contact, category).getResponsible().getId()).isEqualTo(first.responsibleId());
        }
    }

    @Nested
    class BadRules {

        @Test
        void windowWithEqualEndsAndClientAsEmployeeAreRefused() {
            var definition = new RuleDefinition("Плохое", List.of(), List.of(category.getId()), TimeCondition.WINDOW,
                    EnumSet.allOf(DayOfWeek.class), java.time.LocalTime.NOON, java.time.LocalTime.NOON,
                    RoutingAction.ASSIGN, List.of(contact.getId()), null, null);

            assertThat(routing.problemsWith(definition)).containsOnlyKeys(RoutingService.RuleField.WINDOW,
                    RoutingService.RuleField.EMPLOYEES);
        }

        @Test
        void ruleWithoutNameOrEmployeesIsRefused() {
            var definition = new RuleDefinition(" ", List.of(), List.of(), TimeCondition.ANY,
                    EnumSet.allOf(DayOfWeek.class), null, null, RoutingAction.ROUND_ROBIN, List.of(), null, null);

            assertThat(routing.problemsWith(definition)).containsOnlyKeys(RoutingService.RuleField.NAME,
                    RoutingService.RuleField.EMPLOYEES);
        }
    }

    private RuleDefinition rule(String name, List<Long> clients, RoutingAction action, Priority priority,
            Person... employees) {
        return new RuleDefinition(name, clients, List.of(category.getId()), TimeCondition.ANY,
                EnumSet.allOf(DayOfWeek.class), null, null, action,
                Arrays.stream(employees).map(Person::getId).toList(), null, priority);
    }
}
