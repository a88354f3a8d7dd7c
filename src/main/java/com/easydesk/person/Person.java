package com.easydesk.person;

import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Anyone who signs in: a client contact or a member of the provider's staff. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "full_name")
    private String fullName;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean supervisor;

    @Column(name = "client_id")
    private Long clientId;

    @Column(name = "time_zone")
    private String timeZone;

    private boolean active;

    protected Person() {
    }

    public Person(String email, String fullName, Role role, Long clientId) {
        this.email = normalizeEmail(email);
        this.fullName = fullName;
        this.role = role;
        this.clientId = clientId;
        this.timeZone = "Europe/Moscow";
        this.active = true;
    }

    /** E-mail addresses compare ignoring case and surrounding spaces. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase();
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void makeSupervisor() {
        if (role != Role.CLIENT_CONTACT) {
            throw new IllegalStateException("Only a client contact can be a supervisor");
        }
        this.supervisor = true;
    }

    public void moveToTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFullName() {
        return fullName;
    }

    public Role getRole() {
        return role;
    }

    public boolean isSupervisor() {
        return supervisor;
    }

    public Long getClientId() {
        return clientId;
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    public boolean isActive() {
        return active;
    }

    public boolean isStaff() {
        return role.isStaff();
    }
}
