package com.easydesk.person;

import java.time.ZoneId;
import java.util.Locale;

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

    private String phone;

    @Column(name = "job_title")
    private String jobTitle;

    private String language;

    @Column(name = "notify_messages")
    private boolean notifyMessages;

    @Column(name = "notify_status_changes")
    private boolean notifyStatusChanges;

    @Column(name = "notify_assignments")
    private boolean notifyAssignments;

    @Column(name = "session_generation")
    private int sessionGeneration;

    protected Person() {
    }

    public Person(String email, String fullName, Role role, Long clientId) {
        if ((role == Role.CLIENT_CONTACT) != (clientId != null)) {
            throw new IllegalArgumentException("A client contact, and only a client contact, belongs to a client");
        }
        this.email = normalizeEmail(email);
        this.fullName = fullName.trim();
        this.role = role;
        this.clientId = clientId;
        this.timeZone = "Europe/Moscow";
        this.active = true;
        this.phone = "";
        this.jobTitle = "";
        this.language = Language.RU.code();
        this.notifyMessages = true;
        this.notifyStatusChanges = true;
        this.notifyAssignments = true;
    }

    /** E-mail addresses compare ignoring case and surrounding spaces. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** A new password ends the sessions signed in with the old one (see {@link #getSessionGeneration()}). */
    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        this.sessionGeneration++;
    }

    public void rename(String fullName) {
        this.fullName = fullName.trim();
    }

    public void changeEmail(String email) {
        this.email = normalizeEmail(email);
    }

    public void describe(String phone, String jobTitle) {
        this.phone = phone == null ? "" : phone.trim();
        this.jobTitle = jobTitle == null ? "" : jobTitle.trim();
    }

    /** Staff move between staff roles; a client contact never becomes staff, nor staff a contact. */
    public void changeRole(Role newRole) {
        if (newRole.isStaff() != role.isStaff()) {
            throw new IllegalStateException("A role change cannot cross between client and staff");
        }
        this.role = newRole;
    }

    public void makeSupervisor() {
        if (role != Role.CLIENT_CONTACT) {
            throw new IllegalStateException("Only a client contact can be a supervisor");
        }
        this.supervisor = true;
    }

    public void revokeSupervisor() {
        this.supervisor = false;
    }

    /** Moves a contact to another client company; the caller checks that no tasks still tie them. */
    public void moveToClient(long newClientId) {
        if (role != Role.CLIENT_CONTACT) {
            throw new IllegalStateException("Only a client contact belongs to a client");
        }
        this.clientId = newClientId;
    }

    /**
     * A deactivated person cannot sign in and is offered nowhere, but stays on everything they did; their
     * open sessions end.
     */
    public void deactivate() {
        this.active = false;
        this.sessionGeneration++;
    }

    public void reactivate() {
        this.active = true;
    }

    public void moveToTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    public void chooseLanguage(Language chosen) {
        this.language = chosen.code();
    }

    public void chooseNotifications(boolean messages, boolean statusChanges, boolean assignments) {
        this.notifyMessages = messages;
        this.notifyStatusChanges = statusChanges;
        this.notifyAssignments = assignments;
    }

    /** Whether this person wants e-mail about this kind of event; the notification area is not affected. */
    public boolean wantsMailAbout(NotificationTopic topic) {
        return switch (topic) {
            case MESSAGES -> notifyMessages;
            case STATUS_CHANGES -> notifyStatusChanges;
            case ASSIGNMENTS -> notifyAssignments;
        };
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

    /**
     * Moves on with every password change and deactivation. A session remembers the generation it was
     * signed in at; one signed in at an older generation has ended, so a reactivated person's old sessions
     * stay ended too.
     */
    public int getSessionGeneration() {
        return sessionGeneration;
    }

    /** Whether the person has chosen a password yet; an invited person has not until they follow the link. */
    public boolean hasPassword() {
        return passwordHash != null;
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

    public String getPhone() {
        return phone;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public Language getLanguage() {
        return Language.ofCode(language);
    }

    public boolean isNotifyMessages() {
        return notifyMessages;
    }

    public boolean isNotifyStatusChanges() {
        return notifyStatusChanges;
    }

    public boolean isNotifyAssignments() {
        return notifyAssignments;
    }
}
