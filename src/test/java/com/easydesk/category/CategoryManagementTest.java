package com.easydesk.category;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.person.Team;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;
import com.easydesk.task.Task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Managers keep the task categories: name, description, default responsible, active or archived. */
@IntegrationTest
class CategoryManagementTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CategoryService categories;

    @Autowired
    PersonService people;

    Person manager;
    Person employee;
    Person contact;

    @BeforeEach
    void setUp() {
        manager = fixtures.staff(Role.MANAGER);
        employee = fixtures.staff(Role.EMPLOYEE);
        contact = fixtures.contact(fixtures.client());
    }

    @Test
    void aNewCategoryIsOfferedAndSendsItsTasksToTheDefaultResponsible() throws Exception {
        String name = "Бэкапы " + UUID.randomUUID();

        MockHttpServletResponse response = send(manager, post("/categories").param("name", name)
                .param("description", "Резервные копии сайтов и баз").param("defaultResponsibleId",
                        employee.getId().toString()));

        assertThat(response.getRedirectedUrl()).isEqualTo("/categories");
        Category category = categories.offered().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow();
        assertThat(category.getDescription()).isEqualTo("Резервные копии сайтов и баз");
        assertThat(text(send(contact, get("/tasks/new")))).contains(name);
        Task task = fixtures.task(contact, category);
        assertThat(task.getResponsible().getId()).isEqualTo(employee.getId());
    }

    @Test
    void anArchivedCategoryIsNoLongerOfferedButStaysOnItsTasks() throws Exception {
        Category category = fixtures.category(employee);
        Task task = fixtures.task(contact, category);

        send(manager, post("/categories/" + category.getId() + "/archive"));

        assertThat(text(send(contact, get("/tasks/new")))).doesNotContain(category.getName());
        assertThat(text(send(contact, get("/tasks/" + task.getNumber())))).contains(category.getName());
        MockHttpServletResponse submitted = send(contact, post("/tasks").param("title", "В архивную категорию")
                .param("categoryId", category.getId().toString()));
        assertThat(text(submitted)).contains("Такой категории нет");
        assertThat(text(send(manager, get("/categories")))).contains(category.getName(), "В архиве");

        send(manager, post("/categories/" + category.getId() + "/restore"));
        assertThat(text(send(contact, get("/tasks/new")))).contains(category.getName());
    }

    @Test
    void aDeactivatedEmployeeCannotBecomeDefaultResponsible() throws Exception {
        Category category = fixtures.category(null);
        people.deactivate(Viewer.of(fixtures.staff(Role.DIRECTOR)), Team.STAFF, employee.getId());

        MockHttpServletResponse response = send(manager, post("/categories/" + category.getId())
                .param("name", category.getName()).param("defaultResponsibleId", employee.getId().toString()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(text(response)).contains("Выберите сотрудника из списка");
        assertThat(categories.get(category.getId()).getDefaultResponsible()).isNull();
    }

    @Test
    void aClientContactCannotBeDefaultResponsible() throws Exception {
        Category category = fixtures.category(null);

        MockHttpServletResponse response = send(manager, post("/categories/" + category.getId())
                .param("name", category.getName()).param("defaultResponsibleId", contact.getId().toString()));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(categories.get(category.getId()).getDefaultResponsible()).isNull();
    }

    @Test
    void aBlankNameIsRefusedNextToTheField() throws Exception {
        MockHttpServletResponse response = send(manager, post("/categories").param("name", "  "));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(text(response)).contains("Укажите название категории");
    }

    @Test
    void aNameTakenInAnyCaseOrSpacingIsRefusedNextToTheField() throws Exception {
        String name = "Сайт " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(send(manager, post("/categories").param("name", name)).getStatus()).isEqualTo(302);

        MockHttpServletResponse again = send(manager, post("/categories").param("name", " " + name.toUpperCase()));

        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(text(again)).contains("Категория с таким названием уже есть.").contains("is-invalid");
        assertThat(categories.offered()).filteredOn(c -> c.getName().strip().equalsIgnoreCase(name)).hasSize(1);
    }

    private MockHttpServletResponse send(Person person, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(fixtures.as(person)).with(csrf())).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
