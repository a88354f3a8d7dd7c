package com.easydesk.support;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.multipart.MultipartFile;

import com.easydesk.category.Category;
import com.easydesk.category.CategoryService;
import com.easydesk.client.Client;
import com.easydesk.client.ClientService;
import com.easydesk.message.Message;
import com.easydesk.message.MessageService;
import com.easydesk.message.NewMessage;
import com.easydesk.person.ContactDetails;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.person.StaffDetails;
import com.easydesk.person.Viewer;
import com.easydesk.task.NewTask;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Small builders for test data, going through the application's own services so that tests see what
 * users would see. Every name is unique, so tests sharing one database never collide.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ClientService clients;
    private final PersonService people;
    private final CategoryService categories;
    private final TaskService tasks;
    private final MessageService messages;
    private final UserDetailsService signIn;

    Fixtures(ClientService clients, PersonService people, CategoryService categories, TaskService tasks,
            MessageService messages, UserDetailsService signIn) {
        this.clients = clients;
        this.people = people;
        this.categories = categories;
        this.tasks = tasks;
        this.messages = messages;
        this.signIn = signIn;
    }

    public Client client() {
        return clients.add(new Client("ООО Тест " + next()));
    }

    public Person contact(Client client) {
        return people.register(new Person(unique("contact"), "Контакт " + next(), Role.CLIENT_CONTACT,
                client.getId()), PASSWORD);
    }

    public Person supervisor(Client client) {
        var person = new Person(unique("boss"), "Руководитель " + next(), Role.CLIENT_CONTACT, client.getId());
        person.makeSupervisor();
        return people.register(person, PASSWORD);
    }

    public Person staff(Role role) {
        return people.register(new Person(unique(role.name().toLowerCase()), "Сотрудник " + next(), role, null),
                PASSWORD);
    }

    public Category category(Person defaultResponsible) {
        return categories.add(new Category("Категория " + next(), defaultResponsible));
    }

    public Task task(Person contact, Category category, MultipartFile... files) {
        return tasks.submit(Viewer.of(contact), new NewTask("Задача " + next(), "Описание задачи", category.getId(),
                null), List.of(files));
    }

    public Message message(Person author, Task task, String body, boolean internal, MultipartFile... files) {
        return messages.post(Viewer.of(author), task.getNumber(), new NewMessage(body, internal, null),
                List.of(files));
    }

    /** Signs the request in as this person, through the application's own sign-in service. */
    public RequestPostProcessor as(Person person) {
        return user(signIn.loadUserByUsername(person.getEmail()));
    }

    public static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("files", name, "application/octet-stream",
                content.getBytes(StandardCharsets.UTF_8));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.easydesk";
    }

    private static int next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A unique e-mail address for someone a test is about to add. */
    public static String email(String prefix) {
        return unique(prefix);
    }

    /** A contact invited by a manager (or the company's supervisor): no password yet, the invitation mailed. */
    public Person invitedContact(Person inviter, Client client) {
        return people.inviteContact(Viewer.of(inviter), client.getId(), new ContactDetails("Приглашённый " + next(),
                unique("invited"), "", "", false));
    }

    /** A staff member invited by the director: no password yet, the invitation mailed. */
    public Person invitedStaff(Person director, Role role) {
        return people.inviteStaff(Viewer.of(director), new StaffDetails("Приглашённый сотрудник " + next(),
                unique("invited-staff"), role, "", "", java.time.ZoneId.of("Europe/Moscow")));
    }

    /** A file as a browser would send it, claiming a type the application must not believe. */
    public static MockMultipartFile file(String name, byte[] content, String claimedType) {
        return new MockMultipartFile("files", name, claimedType, content);
    }

    /** A task with this title and description, submitted by this person (a client's, or staff's own). */
    public Task titledTask(Person author, Category category, String title, String description,
            MultipartFile... files) {
        return tasks.submit(Viewer.of(author), new NewTask(title, description, category.getId(), null),
                List.of(files));
    }

    /** A staff member whose own time zone is not the provider's. */
    public Person staffIn(Role role, ZoneId zone) {
        var person = new Person(unique(role.name().toLowerCase()), "Сотрудник " + next(), role, null);
        person.moveToTimeZone(zone);
        return people.register(person, PASSWORD);
    }

    /** Moves a task to the first status with this code, as this staff member. */
    public Task moveTo(Task task, String statusCode, Person staff) {
        long statusId = tasks.selectableStatuses().stream().filter(status -> status.getCode().equals(statusCode))
                .findFirst().orElseThrow().getId();
        Viewer viewer = Viewer.of(staff);
        return tasks.changeStatus(viewer, task.getNumber(), statusId,
                tasks.visibleTask(viewer, task.getNumber()).getVersion());
    }
}
