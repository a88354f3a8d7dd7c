package com.easydesk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.search.SearchIndex;
import com.easydesk.security.Mappings.Mapping;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every state change needs the CSRF token (DESIGN.md §5). Each writing endpoint found in the request mappings
 * is sent without the token by a signed-in person whom the URL rules let through, and must be refused with
 * 403 and change nothing in the database; the same request with the token must get past that refusal, so the
 * 403 is the token's doing. A new endpoint is covered without being listed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfTest {

    /** Tables that background work changes on its own (mail sending, thumbnails) or that only count sign-ins. */
    private static final Set<String> BACKGROUND = Set.of("flyway_schema_history", "outbox_mail", "thumbnail",
            "stored_file", "access_throttle");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Autowired
    WebInvocationPrivilegeEvaluator urlRules;

    @Autowired
    UserDetailsService signIn;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    SearchIndex searchIndex;

    List<Person> people;

    @BeforeAll
    void people() {
        Client client = fixtures.client();
        people = List.of(fixtures.staff(Role.DIRECTOR), fixtures.staff(Role.MANAGER), fixtures.staff(Role.EMPLOYEE),
                fixtures.supervisor(client), fixtures.contact(client));
    }

    Stream<Mapping> writingMappings() {
        List<Mapping> writing = Mappings.of(handlerMapping).stream().filter(Mapping::changesState).toList();
        assertThat(writing).as("the application has writing endpoints").isNotEmpty();
        return writing.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writingMappings")
    void everyWritingEndpointRefusesARequestWithoutTheTokenAndChangesNothing(Mapping mapping) throws Exception {
        Person person = Mappings.allowedOf(mapping, people, urlRules, signIn);
        assertThat(person).as(mapping + ": nobody of " + people + " may use it").isNotNull();
        String before = database();

        MockHttpServletResponse withoutToken = mvc.perform(request(mapping.httpMethod(), mapping.uriNamingNothing())
                .with(fixtures.as(person))).andReturn().getResponse();
        String after = database();
        MockHttpServletResponse withToken = mvc.perform(request(mapping.httpMethod(), mapping.uriNamingNothing())
                .with(fixtures.as(person)).with(csrf())).andReturn().getResponse();

        assertThat(withoutToken.getStatus()).as(mapping + " without the token, as " + person.getRole()).isEqualTo(403);
        assertThat(after).as(mapping + " without the token changed the database").isEqualTo(before);
        assertThat(withToken.getStatus()).as(mapping + " with the token, as " + person.getRole()).isNotEqualTo(403);
        await().until(() -> !searchIndex.rebuilding());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writingMappings")
    void aTokenOfAnotherSessionIsRefusedToo(Mapping mapping) throws Exception {
        Person person = Mappings.allowedOf(mapping, people, urlRules, signIn);

        MockHttpServletResponse response = mvc.perform(request(mapping.httpMethod(), mapping.uriNamingNothing())
                .with(fixtures.as(person)).with(csrf().useInvalidToken())).andReturn().getResponse();

        assertThat(response.getStatus()).as(mapping + " with a wrong token").isEqualTo(403);
    }

    /** Signing in and out go through filters rather than mappings; they need the token as well. */
    @Test
    void signingInAndOutNeedTheTokenToo() throws Exception {
        Person person = people.get(4);

        MockHttpServletResponse signInWithout = mvc.perform(post("/login").param("username", person.getEmail())
                .param("password", Fixtures.PASSWORD)).andReturn().getResponse();
        MockHttpServletResponse signOutWithout = mvc.perform(post("/logout").with(fixtures.as(person)))
                .andReturn().getResponse();

        assertThat(signInWithout.getStatus()).isEqualTo(403);
        assertThat(signOutWithout.getStatus()).isEqualTo(403);
    }

    /** Every table's rows as one comparable string, but for what background work changes by itself. */
    private String database() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name", Map.of(),
                String.class);
        List<String> contents = new ArrayList<>();
        for (String table : tables) {
            if (!BACKGROUND.contains(table)) {
                contents.add(table + ": " + jdbc.queryForMap("select count(*) as rows, "
                        + "sum(hashtextextended(t::text, 0)) as content from \"" + table + "\" t", Map.of()));
            }
        }
        return String.join("\n", contents);
    }
}
