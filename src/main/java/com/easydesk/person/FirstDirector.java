package com.easydesk.person;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.PasswordLink.Purpose;

/**
 * The director a new installation starts with. Everyone else is invited by someone, so an installation without an
 * active director would have nobody to invite the first person: at start, with none, the address in
 * {@code EASYDESK_DIRECTOR_EMAIL} becomes a director and gets an invitation to choose a password. The link also
 * goes to the log, since the mail server may not be set up yet; it works once, for the usual 72 hours.
 */
@Component
class FirstDirector {

    private static final Logger log = LoggerFactory.getLogger(FirstDirector.class);

    private final People people;
    private final PasswordLinkService links;
    private final PeopleProperties properties;

    FirstDirector(People people, PasswordLinkService links, PeopleProperties properties) {
        this.people = people;
        this.links = links;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void atStart() {
        appoint(properties.firstDirectorEmail(), properties.firstDirectorName());
    }

    /** Makes {@code email} a director and invites them when no director can sign in; the new person, or null. */
    @Transactional
    public Person appoint(String email, String fullName) {
        if (people.countActiveDirectors() > 0) {
            return null;
        }
        if (email == null || email.isBlank()) {
            log.warn("No active director: nobody can invite anyone. Set EASYDESK_DIRECTOR_EMAIL and restart (README).");
            return null;
        }
        String address = Person.normalizeEmail(email);
        if (people.findByEmail(address).isPresent()) {
            log.warn("No active director, and {} already belongs to someone: a director must be restored by hand",
                    address);
            return null;
        }
        Person director = people.save(new Person(address, fullName == null || fullName.isBlank() ? address
                : fullName.strip(), Role.DIRECTOR, null));
        String link = links.send(director, Purpose.INVITATION, null);
        log.info("First director {} created; the password is chosen at {}", address, link);
        return director;
    }
}
