package com.easydesk.checklist;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.Viewer;
import com.easydesk.shared.NotFoundException;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Checklists on the task page through htmx, templates applied in one click, and what clients see of them. */
@IntegrationTest
class ChecklistTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TaskService tasks;

    @Autowired
    ChecklistService checklists;

    @Autowired
    ChecklistTemplateService templates;

    Person employee;
    Person manager;
    Person contact;
    Task task;

    @BeforeEach
    void setUp() {
        employee = fixtures.staff(Role.EMPLOYEE);
        manager = fixtures.staff(Role.MANAGER);
        contact = fixtures.contact(fixtures.client());
        task = fixtures.task(contact, fixtures.category(employee));
    }

    @Nested
    class OnTheTaskPage {

        @Test
        void staffAddTickReorderAndRemoveItemsWithHtmx() throws Exception {
            MockHttpServletResponse added = htmx(post(items()).param("text", "Снять резервную копию"));
            htmx(post(items()).param("text", "Обновить CMS"));
            htmx(post(items()).param("text", "Проверить сайт"));

            assertThat(added.getStatus()).isEqualTo(200);
            assertThat(added.getContentAsString()).contains("id=\"checklist\"").doesNotContain("<html");
            assertThat(texts()).containsExactly("Снять резервную копию", "Обновить CMS", "Проверить сайт");

            ChecklistItem second = view(employee).items().get(1);
            htmx(post(items() + "/" + second.getId() + "/position").param("up", "true"));
            assertThat(texts()).containsExactly("Обновить CMS", "Снять резервную копию", "Проверить сайт");

            htmx(post(items() + "/" + second.getId()).param("done", "true"));
            ChecklistItem ticked = view(employee).items().get(0);
            assertThat(ticked.isDone()).isTrue();
            assertThat(ticked.getDoneBy().getId()).isEqualTo(employee.getId());
            assertThat(view(employee).doneCount()).isEqualTo(1);

            htmx(post(items() + "/" + second.getId() + "/removal"));
            assertThat(texts()).containsExactly("Снять резервную копию", "Проверить сайт");
        }

        @Test
        void anEmptyItemIsExplainedAndNotAdded() throws Exception {
            MockHttpServletResponse response = htmx(post(items()).param("text", "   "));

            assertThat(response.getContentAsString()).contains("Напишите текст пункта.");
            assertThat(view(employee).isEmpty()).isTrue();
        }

        @Test
        void anItemOfAnotherTaskIsNotFound() throws Exception {
            Task other = fixtures.task(contact, fixtures.category(employee));
            checklists.add(Viewer.of(employee), other.getNumber(), "Чужой пункт");
            long foreign = checklists.viewFor(Viewer.of(employee), tasks.visibleTask(Viewer.of(employee),
                    other.getNumber())).orElseThrow().items().get(0).getId();

            MockHttpServletResponse response = htmx(post(items() + "/" + foreign).param("done", "true"));

            assertThat(response.getStatus()).isEqualTo(404);
        }

        @Test
        void aTemplateAddsItsStepsAfterTheItemsInOneClick() throws Exception {
            checklists.add(Viewer.of(employee), task.getNumber(), "Уже было");
            ChecklistTemplate template = templates.add(Viewer.of(manager), "Переезд " + UUID.randomUUID(),
                    "Перенести базу\n\nПеренести файлы\n  Переключить DNS  ");

            htmx(post("/tasks/{n}/checklist/template", task.getNumber()).param("templateId",
                    template.getId().toString()));

            assertThat(texts()).containsExactly("Уже было", "Перенести базу", "Перенести файлы", "Переключить DNS");
        }

        @Test
        void aRetiredTemplateIsNotOffered() {
            ChecklistTemplate template = templates.add(Viewer.of(manager), "Старый " + UUID.randomUUID(), "Шаг");
            templates.setActive(Viewer.of(manager), template.getId(), false);

            assertThat(templates.offered()).extracting(ChecklistTemplate::getId).doesNotContain(template.getId());
            assertThatThrownBy(() -> checklists.apply(Viewer.of(employee), task.getNumber(), template.getId()))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class ForClients {

        @Test
        void theChecklistShowsOnlyOnceStaffMarkItVisibleAndReadOnly() throws Exception {
            checklists.add(Viewer.of(employee), task.getNumber(), "Согласовать макет");
            assertThat(page(contact)).doesNotContain("id=\"checklist\"").doesNotContain("Согласовать макет");
            assertThat(checklists.viewFor(Viewer.of(contact), current())).isEmpty();

            htmx(post("/tasks/{n}/checklist/visibility", task.getNumber()).param("visible", "true"));

            assertThat(page(contact)).contains("id=\"checklist\"").contains("Согласовать макет")
                    .doesNotContain("checklist-add").doesNotContain("checklist-visible");
        }

        @Test
        void clientsCannotChangeIt() throws Exception {
            MockHttpServletResponse response = mvc.perform(post(items()).param("text", "От клиента")
                    .with(fixtures.as(contact)).with(csrf())).andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(view(employee).isEmpty()).isTrue();
        }
    }

    @Nested
    class Templates {

        @Test
        void managersKeepThemEmployeesCannot() throws Exception {
            String name = "Новый сотрудник " + UUID.randomUUID();
            mvc.perform(post("/settings/checklists").param("name", name).param("steps", "Почта\nДоступы")
                    .with(fixtures.as(manager)).with(csrf()));

            assertThat(templates.offered()).filteredOn(t -> t.getName().equals(name)).singleElement()
                    .satisfies(t -> assertThat(t.getSteps()).containsExactly("Почта", "Доступы"));
            assertThat(mvc.perform(get("/settings/checklists").with(fixtures.as(employee))).andReturn()
                    .getResponse().getStatus()).isEqualTo(403);
        }

        @Test
        void aTemplateNeedsANameAndSteps() throws Exception {
            String page = mvc.perform(post("/settings/checklists").param("name", "Пустой").param("steps", " \n ")
                    .header("HX-Request", "true").with(fixtures.as(manager)).with(csrf())).andReturn().getResponse()
                    .getContentAsString();

            assertThat(page).contains("Добавьте хотя бы один шаг.");
        }
    }

    private String items() {
        return "/tasks/" + task.getNumber() + "/checklist/items";
    }

    private MockHttpServletResponse htmx(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.header("HX-Request", "true").with(fixtures.as(employee)).with(csrf()))
                .andReturn().getResponse();
    }

    private ChecklistView view(Person viewer) {
        return checklists.viewFor(Viewer.of(viewer), current()).orElseThrow();
    }

    private List<String> texts() {
        return view(employee).items().stream().map(ChecklistItem::getText).toList();
    }

    private String page(Person viewer) throws Exception {
        return mvc.perform(get("/tasks/{n}", task.getNumber()).with(fixtures.as(viewer))).andReturn().getResponse()
                .getContentAsString();
    }

    private Task current() {
        return tasks.visibleTask(Viewer.of(employee), task.getNumber());
    }
}
