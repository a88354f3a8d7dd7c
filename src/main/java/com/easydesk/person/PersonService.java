package com.easydesk.person;

import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.shared.NotFoundException;

/** People as other features see them: find, list staff, register. */
@Service
@Transactional(readOnly = true)
public class PersonService {

    private final People people;
    private final PasswordEncoder passwordEncoder;

    PersonService(People people, PasswordEncoder passwordEncoder) {
        this.people = people;
        this.passwordEncoder = passwordEncoder;
    }

    public Person get(long id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("Person " + id));
    }

    public Optional<Person> findByEmail(String email) {
        return people.findByEmail(Person.normalizeEmail(email));
    }

    public List<Person> activeStaff() {
        return people.findActiveStaff();
    }

    /** Active contacts of every client, by name; a form groups them by {@link Person#getClientId()}. */
    public List<Person> activeContacts() {
        return people.findActiveContacts();
    }

    /** Registers a person with a password; the people issue replaces this with invitations. */
    @Transactional
    public Person register(Person person, String rawPassword) {
        person.changePasswordHash(passwordEncoder.encode(rawPassword));
        return people.save(person);
    }
}
