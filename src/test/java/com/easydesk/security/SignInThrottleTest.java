package com.easydesk.security;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.easydesk.client.Client;
import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Role;
import com.easydesk.person.Team;
import com.easydesk.person.Viewer;
import com.easydesk.support.Fixtures;
import com.easydesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Sign-in throttling and the password-reset limit with the default settings (docs/security.md): failures
 * for one account or from one address slow down, then lock for a while; unknown accounts are held back the
 * same way and get the same answers; the counts live in PostgreSQL; the director sees locks and lifts them.
 * Each test signs in from addresses of its own, so that tests do not count against each other.
 */
@IntegrationTest
class SignInThrottleTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final String WRONG = "совсем не тот пароль";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccessThrottle throttle;

    @Autowired
    ThrottleCounters counters;

    @Autowired
    ThrottleProperties properties;

    @Autowired
    PersonService people;

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @LocalServerPort
    int port;

    Client client;
    Person contact;
    String address;

    @BeforeEach
    void setUp() {
        client = fixtures.client();
        contact = fixtures.contact(client);
        address = newAddress();
    }

    @Nested
    class OneAccount {

        @Test
        void afterThreeFailuresTheNextAttemptWaitsEvenWithTheRightPassword() throws Exception {
            for (int failure = 1; failure <= 3; failure++) {
                assertThat(signIn(contact.getEmail(), WRONG, newAddress())).isEqualTo("/login?error");
            }

            String tooSoon = signIn(contact.getEmail(), Fixtures.PASSWORD, newAddress());
            Thread.sleep(properties.firstPause().plusMillis(200).toMillis());
            String afterThePause = signIn(contact.getEmail(), Fixtures.PASSWORD, newAddress());

            assertThat(tooSoon).isEqualTo("/login?wait=1");
            assertThat(afterThePause).isEqualTo("/");
        }

        @Test
        void theTenthFailureLocksTheAccountForAQuarterOfAnHourAndTheRightPasswordDoesNotHelp() throws Exception {
            failedNineTimes(contact.getEmail());

            String tenth = signIn(contact.getEmail(), WRONG, newAddress());
            String right = signIn(contact.getEmail(), Fixtures.PASSWORD, newAddress());

            assertThat(waitOf(tenth)).isBetween(899L, 901L);
            assertThat(waitOf(right)).isBetween(898L, 901L);
            String page = text(mvc.perform(get(right)).andReturn().getResponse());
            assertThat(page).contains("Вход временно заблокирован", "через 15 мин.");
        }

        @Test
        void aSuccessfulSignInForgetsTheAccountsFailures() throws Exception {
            signIn(contact.getEmail(), WRONG, newAddress());
            signIn(contact.getEmail(), WRONG, newAddress());

            assertThat(signIn(contact.getEmail(), Fixtures.PASSWORD, newAddress())).isEqualTo("/");

            assertThat(counters.findByKindAndSubject(ThrottleKind.SIGN_IN_ACCOUNT, contact.getEmail())).isEmpty();
        }

        @Test
        void theLockEndsByItselfAfterTheLockDuration() {
            failedNineTimes(contact.getEmail());
            throttle.signInFailed(contact.getEmail(), newAddress());
            AccessThrottle laterOn = throttleAt(properties.lockDuration().plusSeconds(1));

            assertThat(throttle.signInRefusedUntil(contact.getEmail(), newAddress())).isPresent();
            assertThat(inTransaction(() -> laterOn.signInRefusedUntil(contact.getEmail(), newAddress()))).isEmpty();
        }

        @Test
        void theCountsLiveInTheDatabaseSoARestartOrAnotherNodeSeesThem() {
            failedNineTimes(contact.getEmail());
            throttle.signInFailed(contact.getEmail(), address);

            AccessThrottle anotherNode = throttleAt(Duration.ZERO);

            assertThat(inTransaction(() -> anotherNode.signInRefusedUntil(contact.getEmail().toUpperCase(),
                    newAddress()))).isPresent();
            assertThat(jdbc.queryForObject("select attempts from access_throttle where kind = 'SIGN_IN_ACCOUNT' "
                    + "and subject = :email", Map.of("email", contact.getEmail()), Integer.class)).isEqualTo(10);
        }
    }

    @Nested
    class NothingTellsWhetherAnAccountExists {

        @Test
        void everyRefusedSignInGetsTheSameAnswer() throws Exception {
            Person manager = fixtures.staff(Role.MANAGER);
            Person invited = fixtures.invitedContact(manager, client);
            Person deactivated = fixtures.contact(client);
            people.deactivate(Viewer.of(manager), Team.ofClient(client.getId()), deactivated.getId());

            List<String> answers = List.of(
                    signIn(contact.getEmail(), WRONG, newAddress()),
                    signIn(Fixtures.email("nobody"), WRONG, newAddress()),
                    signIn(invited.getEmail(), WRONG, newAddress()),
                    signIn(deactivated.getEmail(), Fixtures.PASSWORD, newAddress()));

            assertThat(answers).containsOnly("/login?error");
        }

        @Test
        void anUnknownAccountSlowsDownAndLocksExactlyLikeAKnownOne() throws Exception {
            String nobody = Fixtures.email("nobody");
            List<String> known = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (int failure = 1; failure <= 4; failure++) {
                known.add(signIn(contact.getEmail(), WRONG, newAddress()));
                unknown.add(signIn(nobody, WRONG, newAddress()));
            }
            failedNineTimes(contact.getEmail());
            failedNineTimes(nobody);
            known.add(signIn(contact.getEmail(), WRONG, newAddress()));
            unknown.add(signIn(nobody, WRONG, newAddress()));

            assertThat(known.subList(0, 3)).containsOnly("/login?error");
            assertThat(known.get(3)).startsWith("/login?wait=");
            for (int attempt = 0; attempt < known.size(); attempt++) {
                assertThat(shape(unknown.get(attempt))).as("attempt " + (attempt + 1))
                        .isEqualTo(shape(known.get(attempt)));
            }
        }

        @Test
        void aWrongPasswordTakesAboutAsLongForAnUnknownAccountAsForAKnownOne() throws Exception {
            List<Long> known = new ArrayList<>();
            List<Long> unknown = new ArrayList<>();
            for (int sample = 0; sample < 7; sample++) {
                Person someone = fixtures.contact(client);
                known.add(timed(someone.getEmail()));
                unknown.add(timed(Fixtures.email("nobody")));
            }

            long knownMedian = median(known);
            long unknownMedian = median(unknown);
            assertThat(unknownMedian).as("unknown " + unknown + " against known " + known)
                    .isBetween(knownMedian / 2, knownMedian * 2);
        }

        private long timed(String email) throws Exception {
            long start = System.nanoTime();
            assertThat(signIn(email, WRONG, newAddress())).isEqualTo("/login?error");
            return (System.nanoTime() - start) / 1_000;
        }

        /** The answer without the number of seconds, which may differ by one between two accounts. */
        private static String shape(String answer) {
            return answer.replaceAll("wait=\\d+", "wait=N");
        }
    }

    @Nested
    class OneAddress {

        @Test
        void failuresForManyAccountsFromOneAddressSlowItDownAndOtherAddressesAreNotHeldBack() throws Exception {
            for (int failure = 1; failure <= properties.addressSlowAfter(); failure++) {
                assertThat(signIn(Fixtures.email("guess"), WRONG, address)).isEqualTo("/login?error");
            }

            assertThat(signIn(contact.getEmail(), Fixtures.PASSWORD, address)).startsWith("/login?wait=");
            assertThat(signIn(contact.getEmail(), Fixtures.PASSWORD, newAddress())).isEqualTo("/");
        }

        @Test
        void behindTheProxyTheForwardedClientAddressIsCounted() {
            WebClient attacker = new WebClient(port).always("X-Forwarded-For", address);
            WebClient colleague = new WebClient(port).always("X-Forwarded-For", newAddress());
            for (int failure = 1; failure <= properties.addressSlowAfter(); failure++) {
                HttpResponse<String> failed = attacker.signIn(Fixtures.email("guess"), WRONG);
                assertThat(location(failed)).endsWith("/login?error");
            }

            HttpResponse<String> held = attacker.signIn(contact.getEmail(), Fixtures.PASSWORD);
            HttpResponse<String> free = colleague.signIn(contact.getEmail(), Fixtures.PASSWORD);

            assertThat(location(held)).contains("/login?wait=");
            assertThat(location(free)).doesNotContain("/login");
            assertThat(counters.findByKindAndSubject(ThrottleKind.SIGN_IN_ADDRESS, address)).get()
                    .extracting(ThrottleCounter::getAttempts).isEqualTo(properties.addressSlowAfter());
        }

        @Test
        void manyMoreFailuresLockTheAddress() {
            for (int failure = 1; failure < properties.addressLockAfter(); failure++) {
                throttle.signInFailed(Fixtures.email("guess"), address);
            }

            Instant locked = throttle.signInFailed(Fixtures.email("guess"), address).orElseThrow();

            assertThat(locked).isAfter(Instant.now().plus(properties.lockDuration()).minusSeconds(5));
            assertThat(throttle.signInRefusedUntil(contact.getEmail(), address)).contains(locked);
        }
    }

    @Nested
    class TheDirector {

        @Test
        void seesTheLockedAccountAndLiftsItSoThePersonSignsInAtOnce() throws Exception {
            Person director = fixtures.staff(Role.DIRECTOR);
            failedNineTimes(contact.getEmail());
            throttle.signInFailed(contact.getEmail(), address);
            long id = counters.findByKindAndSubject(ThrottleKind.SIGN_IN_ACCOUNT, contact.getEmail()).orElseThrow()
                    .getId();

            String page = text(mvc.perform(get("/settings/sign-in-locks").with(fixtures.as(director)))
                    .andReturn().getResponse());
            MockHttpServletResponse lifted = mvc.perform(post("/settings/sign-in-locks/" + id + "/lift")
                    .with(fixtures.as(director)).with(csrf())).andReturn().getResponse();

            assertThat(page).contains(contact.getEmail(), contact.getFullName(), "Вход заблокирован до",
                    "sign-in-lock-" + id);
            assertThat(lifted.getRedirectedUrl()).isEqualTo("/settings/sign-in-locks");
            assertThat(signIn(contact.getEmail(), Fixtures.PASSWORD, newAddress())).isEqualTo("/");
            assertThat(text(mvc.perform(get("/settings/sign-in-locks").with(fixtures.as(director)))
                    .andReturn().getResponse())).doesNotContain("sign-in-lock-" + id + "\"");
        }

        @Test
        void seesASlowedDownAddressAndAnUnknownAccountAsSuch() throws Exception {
            Person director = fixtures.staff(Role.DIRECTOR);
            String nobody = Fixtures.email("nobody");
            for (int failure = 1; failure <= properties.addressSlowAfter(); failure++) {
                throttle.signInFailed(nobody, address);
            }

            String page = text(mvc.perform(get("/settings/sign-in-locks").with(fixtures.as(director)))
                    .andReturn().getResponse());

            assertThat(page).contains(address, nobody, "Такой учётной записи нет", "Вход замедлен");
        }

        @Test
        void onlyTheDirectorMayLiftALock() throws Exception {
            Person manager = fixtures.staff(Role.MANAGER);
            failedNineTimes(contact.getEmail());
            throttle.signInFailed(contact.getEmail(), address);
            long id = counters.findByKindAndSubject(ThrottleKind.SIGN_IN_ACCOUNT, contact.getEmail()).orElseThrow()
                    .getId();

            MockHttpServletResponse refused = mvc.perform(post("/settings/sign-in-locks/" + id + "/lift")
                    .with(fixtures.as(manager)).with(csrf())).andReturn().getResponse();

            assertThat(refused.getStatus()).isEqualTo(403);
            assertThat(counters.findById(id)).isPresent();
        }
    }

    @Nested
    class PasswordResetRequests {

        @Test
        void oneAccountGetsFiveResetRequestsAnHourWhetherItExistsOrNot() throws Exception {
            String nobody = Fixtures.email("nobody");
            for (int request = 1; request <= properties.resetAccountLimit(); request++) {
                assertThat(requestReset(contact.getEmail(), newAddress())).isEqualTo("/password-reset?sent");
                assertThat(requestReset(nobody, newAddress())).isEqualTo("/password-reset?sent");
            }

            String known = requestReset(contact.getEmail().toUpperCase(), newAddress());
            String unknown = requestReset(nobody, newAddress());

            assertThat(known).isEqualTo(unknown).matches("/password-reset\\?wait=(59|60)");
            assertThat(text(mvc.perform(get(known)).andReturn().getResponse()))
                    .contains("Слишком много запросов на восстановление пароля");
            assertThat(jdbc.queryForObject("select count(*) from password_link where person_id = :id",
                    Map.of("id", contact.getId()), Long.class)).isEqualTo(properties.resetAccountLimit());
        }

        @Test
        void oneAddressGetsTwentyResetRequestsAnHour() throws Exception {
            for (int request = 1; request <= properties.resetAddressLimit(); request++) {
                assertThat(requestReset(Fixtures.email("nobody"), address)).isEqualTo("/password-reset?sent");
            }

            assertThat(requestReset(contact.getEmail(), address)).startsWith("/password-reset?wait=");
            assertThat(requestReset(contact.getEmail(), newAddress())).isEqualTo("/password-reset?sent");
        }

        private String requestReset(String email, String from) throws Exception {
            return mvc.perform(post("/password-reset").param("email", email).with(csrf()).with(from(from)))
                    .andReturn().getResponse().getRedirectedUrl();
        }
    }

    /**
     * Nine failures counted five minutes ago, as if they had come slowly enough to pass every pause: the next
     * failure, within the window, is the tenth.
     */
    private void failedNineTimes(String account) {
        AccessThrottle fiveMinutesAgo = throttleAt(Duration.ofMinutes(-5));
        for (int failure = 1; failure <= properties.accountLockAfter() - 1; failure++) {
            inTransaction(() -> fiveMinutesAgo.signInFailed(account, newAddress()));
        }
    }

    /** The throttle of another node, or of this one after a restart, whose clock is this far ahead. */
    private AccessThrottle throttleAt(Duration ahead) {
        return new AccessThrottle(counters, properties, Clock.offset(Clock.systemUTC(), ahead));
    }

    /** A throttle made here is no Spring bean: its transactions are opened for it. */
    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    /** Where the sign-in form sends the browser: "/" when signed in, "/login?..." otherwise. */
    private String signIn(String email, String password, String from) throws Exception {
        return mvc.perform(post("/login").param("username", email).param("password", password).with(csrf())
                .with(from(from))).andReturn().getResponse().getRedirectedUrl();
    }

    private static long waitOf(String answer) {
        assertThat(answer).startsWith("/login?wait=");
        return Long.parseLong(answer.substring("/login?wait=".length()));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A documentation address (RFC 5737) nobody else in the test run uses. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
