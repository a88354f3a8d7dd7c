package com.easydesk.person;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.mail.MailOutbox;
import com.easydesk.person.PasswordLink.Purpose;
import com.easydesk.person.PasswordLink.State;

/**
 * Invitations and self-service password resets: both send a single-use link to choose a password.
 * The token is 32 random bytes; only its SHA-256 is stored. A new link replaces the person's earlier
 * open ones. A reset request answers the same whether or not the address is registered.
 */
@Service
@Transactional(readOnly = true)
public class PasswordLinkService {

    private static final Logger log = LoggerFactory.getLogger(PasswordLinkService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final People people;
    private final PasswordLinks links;
    private final PasswordEncoder passwordEncoder;
    private final MailOutbox outbox;
    private final MessageSource texts;
    private final PeopleProperties properties;
    private final Clock clock;

    PasswordLinkService(People people, PasswordLinks links, PasswordEncoder passwordEncoder, MailOutbox outbox,
            MessageSource texts, PeopleProperties properties, Clock clock) {
        this.people = people;
        this.links = links;
        this.passwordEncoder = passwordEncoder;
        this.outbox = outbox;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    /** What following this link would do, and for whom, before the person types a password. */
    public record LinkCheck(State state, Purpose purpose, String email) {
    }

    /** Self-service reset: mails a link to an active account with this address, and to nobody otherwise. */
    @Transactional
    public void requestReset(String email) {
        Optional<Person> person = people.findByEmail(Person.normalizeEmail(email)).filter(Person::isActive);
        if (person.isPresent()) {
            send(person.get(), Purpose.RESET, null);
        }
    }

    public LinkCheck check(String token) {
        Instant now = clock.instant();
        return find(token, false)
                .map(link -> {
                    Person person = people.findById(link.getPersonId()).orElseThrow();
                    State state = person.isActive() ? link.stateAt(now) : State.UNKNOWN;
                    return new LinkCheck(state, link.getPurpose(), state == State.USABLE ? person.getEmail() : null);
                })
                .orElse(new LinkCheck(State.UNKNOWN, null, null));
    }

    /**
     * Sets the password of the link's person if the link is usable, and uses the link up. Returns the
     * state the link was in: anything but {@link State#USABLE} changed nothing. The caller has checked
     * the password against {@link PasswordRules}.
     */
    @Transactional
    public State choosePassword(String token, String rawPassword) {
        PasswordRules.problemWith(rawPassword).ifPresent(problem -> {
            throw new PersonRuleViolation("password", problem);
        });
        Instant now = clock.instant();
        Optional<PasswordLink> found = find(token, true);
        if (found.isEmpty()) {
            return State.UNKNOWN;
        }
        PasswordLink link = found.get();
        Person person = people.findById(link.getPersonId()).orElseThrow();
        State state = person.isActive() ? link.stateAt(now) : State.UNKNOWN;
        if (state != State.USABLE) {
            return state;
        }
        link.use(now);
        links.findOpenOf(person.getId()).forEach(other -> other.replace(now));
        person.changePasswordHash(passwordEncoder.encode(rawPassword));
        log.info("Password set through a {} link for person {}", link.getPurpose(), person.getId());
        return State.USABLE;
    }

    /** Sends a new link to the person, and gives it; any earlier open link of theirs stops working. */
    @Transactional
    String send(Person person, Purpose purpose, String inviterName) {
        Instant now = clock.instant();
        links.findOpenOf(person.getId()).forEach(link -> link.replace(now));

        String token = newToken();
        Instant expires = now.plus(properties.linkValidity());
        links.save(new PasswordLink(person.getId(), purpose, hash(token), now, expires));

        String key = purpose == Purpose.INVITATION ? "mail.invitation" : "mail.password-reset";
        Object[] arguments = { person.getFullName(), inviterName == null ? "" : inviterName,
            outbox.linkTo("/password/" + token), DATE_TIME.format(expires.atZone(person.getZone())),
            properties.linkValidity().toHours() };
        var locale = person.getLanguage().locale();
        outbox.queue(person.getEmail(), texts.getMessage(key + ".subject", arguments, locale),
                texts.getMessage(key + ".body", arguments, locale));
        return (String) arguments[2];
    }

    private Optional<PasswordLink> find(String token, boolean forUpdate) {
        if (token == null || !WELL_FORMED.matcher(token).matches()) {
            return Optional.empty();
        }
        return forUpdate ? links.findForUpdate(hash(token)) : links.findByTokenHash(hash(token));
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
    }
}
