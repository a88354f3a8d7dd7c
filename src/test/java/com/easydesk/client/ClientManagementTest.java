package com.easydesk.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.support.Fixtures;
import com.easydesk.support.Inbox;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Managers keep client companies and their contacts: legal details, search, archive, invitations, moves. */
@IntegrationTest
class ClientManagementTest {

    /** A real organisation's ИНН (its check digit is right) and a КПП of the usual form. */
    private static final String VALID_INN = "7707083893";
    private static final String VALID_KPP = "773601001";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    PersonService people;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    Person manager;

    @BeforeEach
    void setUp() {
        manager = fixtures.staff(Role.MANAGER);
    }

    @Nested
    class Companies {

        @Test
        void managerAddsCompanyWithLegalDetailsAndSeesThemOnItsPage() throws Exception {
            String name = "ООО Реквизиты " + UUID.randomUUID();

            MockHttpServletResponse created = send(post("/clients").param("name", name).param("inn", VALID_INN)
                    .param("kpp", VALID_KPP).param("legalAddress", "г. Москва, ул. Вавилова, 19")
                    .param("timeZone", "Asia/Yekaterinburg").param("notes", "Платит по счёту"));

            assertThat(created.getStatus()).isEqualTo(302);
            String page = text(send(get(created.getRedirectedUrl())));
            assertThat(page).contains(name, VALID_INN, VALID_KPP, "ул. Вавилова", "Asia/Yekaterinburg",
                    "Платит по счёту");
        }

        @Test
        void innWithWrongCheckDigitIsRefusedNextToTheField() throws Exception {
            String name = "ООО Опечатка " + UUID.randomUUID();

            MockHttpServletResponse response = send(post("/clients").param("name", name).param("inn", "7707083894")
                    .param("kpp", "12345").param("timeZone", "Europe/Moscow"));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(text(response)).contains("контрольной суммой", "КПП — это 9 цифр", "is-invalid");
            assertThat(count("select count(*) from client where name = :name", Map.of("name", name))).isZero();
        }

        @Test
        void twelveDigitInnOfAnEntrepreneurIsAccepted() throws Exception {
            MockHttpServletResponse response = send(post("/clients").param("name", "ИП Двенадцать " + UUID.randomUUID())
                    .param("inn", "500100732259").param("timeZone", "Europe/Moscow"));

            assertThat(response.getStatus()).isEqualTo(302);
        }

        @Test
        void searchFindsByPartOfTheNameIgnoringCaseOrByTheInnAndPages() throws Exception {
            String marker = "Поиск" + UUID.randomUUID().toString().substring(0, 6);
            for (int i = 0; i < 26; i++) {
                send(post("/clients").param("name", "ООО " + marker + " " + i).param("timeZone", "Europe/Moscow"));
            }
            String withInn = "АО " + marker + " с ИНН";
            send(post("/clients").param("name", withInn).param("inn", VALID_INN).param("timeZone", "Europe/Moscow"));

            String firstPage = text(send(get("/clients").param("q", marker.toUpperCase())));
            String secondPage = text(send(get("/clients").param("q", marker.toLowerCase()).param("page", "1")));
            String byInn = text(send(get("/clients").param("q", "77070838")));

            assertThat(occurrences(firstPage, "client-row")).isEqualTo(25);
            assertThat(occurrences(secondPage, "client-row")).isEqualTo(2);
            assertThat(byInn).contains(withInn);
        }

        @Test
        void htmxSearchAnswersWithTheResultsOnly() throws Exception {
            Client client = fixtures.client();

            String fragment = text(send(get("/clients").param("q", client.getName()).header("HX-Request", "true")));

            assertThat(fragment).contains("id=\"client-results\"", client.getName()).doesNotContain("<html");
        }

        @Test
        void archivedCompanyLeavesTheActiveListAndCanComeBack() throws Exception {
            Client client = fixtures.client();

            String row = "data-id=\"" + client.getId() + "\"";

            send(post("/clients/" + client.getId() + "/archive"));

            assertThat(text(send(get("/clients").param("q", client.getName())))).doesNotContain(row);
            assertThat(text(send(get("/clients").param("q", client.getName()).param("archived", "true"))))
                    .contains(row);
            send(post("/clients/" + client.getId() + "/restore"));
            assertThat(text(send(get("/clients").param("q", client.getName())))).contains(row);
        }
    }

    @Nested
    class Contacts {

        @Test
        void invitedContactIsMailedALinkAndHasNoPasswordUntilTheyFollowIt() throws Exception {
            Client client = fixtures.client();
            String email = Fixtures.email("new-contact");

            MockHttpServletResponse response = send(post("/clients/" + client.getId() + "/contacts")
                    .param("fullName", "Пётр Новиков").param("email", email).param("phone", "+7 900 000-00-00")
                    .param("jobTitle", "Бухгалтер"));

            assertThat(response.getStatus()).isEqualTo(302);
            Person contact = people.findByEmail(email).orElseThrow();
            assertThat(contact.getClientId()).isEqualTo(client.getId());
            assertThat(contact.hasPassword()).isFalse();
            var mail = Inbox.of(email).awaitSubject("Приглашение в EasyDesk");
            assertThat(Inbox.body(mail)).contains("Пётр Новиков", manager.getFullName(), "/password/");
            assertThat(text(send(get("/clients/" + client.getId())))).contains("Пётр Новиков",
                    "Приглашение не принято");
        }

        @Test
        void emailIsUniqueIgnoringCaseAndSurroundingSpaces() throws Exception {
            Client client = fixtures.client();
            Person existing = fixtures.contact(client);

            MockHttpServletResponse response = send(post("/clients/" + client.getId() + "/contacts")
                    .param("fullName", "Двойник").param("email", "  " + existing.getEmail().toUpperCase() + " "));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(text(response)).contains("Этот адрес уже занят");
            assertThat(count("select count(*) from person where lower(email) = :email",
                    Map.of("email", existing.getEmail()))).isEqualTo(1);
        }

        @Test
        void contactWithTasksCannotMoveToAnotherCompanyAndThePageSaysWhy() throws Exception {
            Client client = fixtures.client();
            Client other = fixtures.client();
            Person contact = fixtures.contact(client);
            fixtures.task(contact, fixtures.category(fixtures.staff(Role.EMPLOYEE)));

            MockHttpServletResponse response = send(edit(client, contact).param("clientId", other.getId().toString()));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(text(response)).contains("Нельзя перенести контакт в другую компанию");
            assertThat(people.get(contact.getId()).getClientId()).isEqualTo(client.getId());
        }

        @Test
        void contactWithoutTasksMovesToAnotherCompany() throws Exception {
            Client client = fixtures.client();
            Client other = fixtures.client();
            Person contact = fixtures.invitedContact(manager, client);

            MockHttpServletResponse response = send(edit(client, contact).param("clientId", other.getId().toString()));

            assertThat(response.getRedirectedUrl()).isEqualTo("/clients/" + other.getId());
            assertThat(people.get(contact.getId()).getClientId()).isEqualTo(other.getId());
        }

        @Test
        void managerMakesAContactTheSupervisorAndTakesItBack() throws Exception {
            Client client = fixtures.client();
            Person contact = fixtures.contact(client);

            send(edit(client, contact).param("supervisor", "true"));
            boolean afterGranting = people.get(contact.getId()).isSupervisor();
            send(edit(client, contact));

            assertThat(afterGranting).isTrue();
            assertThat(people.get(contact.getId()).isSupervisor()).isFalse();
        }

        @Test
        void contactIsFoundOnlyUnderTheirOwnCompany() throws Exception {
            Client client = fixtures.client();
            Client other = fixtures.client();
            Person contact = fixtures.contact(client);

            assertThat(send(get("/clients/" + other.getId() + "/contacts/" + contact.getId() + "/edit")).getStatus())
                    .isEqualTo(404);
            assertThat(send(post("/clients/" + other.getId() + "/contacts/" + contact.getId() + "/deactivate"))
                    .getStatus()).isEqualTo(404);
            assertThat(people.get(contact.getId()).isActive()).isTrue();
        }

        @Test
        void contactListSearchesByNameOrEmail() throws Exception {
            Client client = fixtures.client();
            Person first = fixtures.contact(client);
            Person second = fixtures.contact(client);

            String page = text(send(get("/clients/" + client.getId()).param("q", first.getEmail().substring(0, 16))));

            assertThat(page).contains(first.getFullName()).doesNotContain(second.getEmail());
        }

        private MockHttpServletRequestBuilder edit(Client client, Person contact) {
            return post("/clients/" + client.getId() + "/contacts/" + contact.getId())
                    .param("fullName", contact.getFullName()).param("email", contact.getEmail());
        }
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(fixtures.as(manager)).with(csrf())).andReturn().getResponse();
    }

    private long count(String sql, Map<String, Object> parameters) {
        return jdbc.queryForObject(sql, parameters, Long.class);
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static long occurrences(String html, String cssClass) {
        return Pattern.compile("class=\"[^\"]*\\b" + cssClass + "\\b").matcher(html).results().count();
    }
}
