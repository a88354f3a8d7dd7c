package com.easydesk.person;

import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.PasswordLink.Purpose;
import com.easydesk.shared.NotFoundException;
import com.easydesk.shared.SearchText;

/**
 * People in the language of the brief: the director's staff, the contacts of client companies, and
 * everyone's own profile. Who may change whom is decided here: the director manages staff; managers and
 * the director manage every company's contacts; a client supervisor manages their own company's contacts.
 * A person the viewer may not manage is a 404, like one that does not exist.
 */
@Service
@Transactional(readOnly = true)
public class PersonService {

    private final People people;
    private final PasswordEncoder passwordEncoder;
    private final PasswordLinkService links;
    private final List<ContactHistory> histories;
    private final ApplicationEventPublisher events;

    PersonService(People people, PasswordEncoder passwordEncoder, PasswordLinkService links,
            List<ContactHistory> histories, ApplicationEventPublisher events) {
        this.people = people;
        this.passwordEncoder = passwordEncoder;
        this.links = links;
        this.histories = histories;
        this.events = events;
    }

    public Person get(long id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("Person " + id));
    }

    public Optional<Person> find(long id) {
        return people.findById(id);
    }

    public Optional<Person> findByEmail(String email) {
        return people.findByEmail(Person.normalizeEmail(email));
    }

    /** Staff who can be made responsible or be a category's default: active ones only. */
    public List<Person> activeStaff() {
        return people.findActiveStaff();
    }

    /** Active contacts of every client, by name; a form groups them by {@link Person#getClientId()}. */
    public List<Person> activeContacts() {
        return people.findActiveContacts();
    }

    /** Active contacts of one client, by name. */
    public List<Person> activeContacts(long clientId) {
        return people.findActiveContacts(clientId);
    }

    /** Registers a person with a known password, for tests and set-up; people otherwise come by invitation. */
    @Transactional
    public Person register(Person person, String rawPassword) {
        person.changePasswordHash(passwordEncoder.encode(rawPassword));
        return people.save(person);
    }

    public Page<Person> findStaff(Viewer viewer, String query, Pageable page) {
        requireManagerOf(viewer, Team.STAFF);
        return people.findStaff(SearchText.containing(query), page);
    }

    public Page<Person> findContacts(Viewer viewer, long clientId, String query, Pageable page) {
        requireManagerOf(viewer, Team.ofClient(clientId));
        return people.findContacts(clientId, SearchText.containing(query), page);
    }

    /** The contacts of the viewer's own company, which every contact sees in their profile. */
    public List<Person> colleaguesOf(Viewer viewer) {
        return viewer.isClient() ? people.findContacts(viewer.clientId()) : List.of();
    }

    /** A member of the team whom the viewer may manage; 404 for anyone else. */
    public Person member(Viewer viewer, Team team, long id) {
        return people.findById(id)
                .filter(team::includes)
                .filter(person -> mayManage(viewer, team))
                .orElseThrow(() -> new NotFoundException("Person " + id + " in " + team));
    }

    /** Adds a staff member and mails them an invitation to choose a password. */
    @Transactional
    public Person inviteStaff(Viewer viewer, StaffDetails details) {
        requireManagerOf(viewer, Team.STAFF);
        requireFreeEmail(details.email(), null);
        var person = new Person(details.email(), details.fullName(), details.role(), null);
        describeStaff(person, details);
        return invite(viewer, people.save(person));
    }

    @Transactional
    public Person changeStaff(Viewer viewer, long id, StaffDetails details) {
        Person person = member(viewer, Team.STAFF, id);
        requireFreeEmail(details.email(), person.getId());
        if (person.getId() == viewer.id() && details.role() != person.getRole()) {
            throw new PersonRuleViolation("role", "person.role.own");
        }
        person.changeEmail(details.email());
        person.rename(details.fullName());
        person.changeRole(details.role());
        describeStaff(person, details);
        return person;
    }

    /** Adds a contact to a client company and mails them an invitation to choose a password. */
    @Transactional
    public Person inviteContact(Viewer viewer, long clientId, ContactDetails details) {
        Team team = Team.ofClient(clientId);
        requireManagerOf(viewer, team);
        requireFreeEmail(details.email(), null);
        var person = new Person(details.email(), details.fullName(), Role.CLIENT_CONTACT, clientId);
        person.describe(details.phone(), details.jobTitle());
        if (details.supervisor() && viewer.isStaff()) {
            person.makeSupervisor();
        }
        return invite(viewer, people.save(person));
    }

    /**
     * Changes a contact; staff may also move them to another company, unless tasks still tie them to this
     * one (the tasks would otherwise show one company's work to another).
     */
    @Transactional
    public Person changeContact(Viewer viewer, long clientId, long id, ContactDetails details, long newClientId) {
        Person person = member(viewer, Team.ofClient(clientId), id);
        requireFreeEmail(details.email(), person.getId());
        if (newClientId != clientId) {
            if (!viewer.isStaff()) {
                throw new AccessDeniedException("Only staff move contacts between companies");
            }
            long records = histories.stream().mapToLong(history -> history.recordsNaming(id)).sum();
            if (records > 0) {
                throw new PersonRuleViolation("clientId", "contact.move.has-tasks", records);
            }
            person.moveToClient(newClientId);
        }
        person.changeEmail(details.email());
        person.rename(details.fullName());
        person.describe(details.phone(), details.jobTitle());
        if (viewer.isStaff()) {
            if (details.supervisor()) {
                person.makeSupervisor();
            } else {
                person.revokeSupervisor();
            }
        }
        return person;
    }

    /** Nobody deactivates themselves: the last director, or a supervisor, would lock themselves out. */
    @Transactional
    public Person deactivate(Viewer viewer, Team team, long id) {
        Person person = member(viewer, team, id);
        if (person.getId() == viewer.id()) {
            throw new PersonRuleViolation("active", "person.deactivate.own");
        }
        person.deactivate();
        return person;
    }

    @Transactional
    public Person reactivate(Viewer viewer, Team team, long id) {
        Person person = member(viewer, team, id);
        person.reactivate();
        return person;
    }

    /** Sends a fresh invitation; the earlier link stops working. Only for someone who has no password yet. */
    @Transactional
    public Person resendInvitation(Viewer viewer, Team team, long id) {
        Person person = member(viewer, team, id);
        if (!person.isActive()) {
            throw new PersonRuleViolation("active", "person.invitation.inactive");
        }
        if (person.hasPassword()) {
            throw new PersonRuleViolation("password", "person.invitation.accepted");
        }
        return invite(viewer, person);
    }

    @Transactional
    public Person changeProfile(Viewer viewer, ProfileDetails details) {
        Person person = get(viewer.id());
        person.rename(details.fullName());
        person.moveToTimeZone(details.zone());
        person.chooseLanguage(details.language());
        person.chooseNotifications(details.mailAboutMessages(), details.mailAboutStatusChanges(),
                details.mailAboutAssignments());
        return person;
    }

    /**
     * Changes the viewer's password; the current one must be given. The viewer's other sessions end; the
     * security feature keeps the one the change was made in ({@link PasswordChanged}).
     */
    @Transactional
    public void changePassword(Viewer viewer, String currentPassword, String newPassword) {
        Person person = get(viewer.id());
        if (!person.hasPassword() || currentPassword == null
                || !passwordEncoder.matches(currentPassword, person.getPasswordHash())) {
            throw new PersonRuleViolation("currentPassword", "password.current.wrong");
        }
        PasswordRules.problemWith(newPassword).ifPresent(problem -> {
            throw new PersonRuleViolation("newPassword", problem);
        });
        person.changePasswordHash(passwordEncoder.encode(newPassword));
        events.publishEvent(new PasswordChanged(person.getId(), person.getSessionGeneration()));
    }

    private Person invite(Viewer inviter, Person person) {
        links.send(person, Purpose.INVITATION, inviter.fullName());
        return person;
    }

    private static void describeStaff(Person person, StaffDetails details) {
        person.describe(details.phone(), details.jobTitle());
        person.moveToTimeZone(details.zone());
    }

    private void requireFreeEmail(String email, Long ownId) {
        if (people.isEmailTakenByOther(Person.normalizeEmail(email), ownId == null ? -1 : ownId)) {
            throw new PersonRuleViolation("email", "person.email.taken");
        }
    }

    private static void requireManagerOf(Viewer viewer, Team team) {
        if (!mayManage(viewer, team)) {
            throw new NotFoundException(team.toString());
        }
    }

    private static boolean mayManage(Viewer viewer, Team team) {
        if (team.isStaff()) {
            return viewer.role() == Role.DIRECTOR;
        }
        return viewer.canManage() || (viewer.isClientSupervisor() && team.clientId().equals(viewer.clientId()));
    }
}
