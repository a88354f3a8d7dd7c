package com.easydesk.person;

import java.time.ZoneId;

/**
 * The signed-in person looking at a page. Every visibility decision takes a viewer, never an id from
 * the request.
 */
public record Viewer(long id, String email, String fullName, Role role, boolean supervisor, Long clientId,
        ZoneId zone) {

    public static Viewer of(Person person) {
        return new Viewer(person.getId(), person.getEmail(), person.getFullName(), person.getRole(),
                person.isSupervisor(), person.getClientId(), person.getZone());
    }

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean isClient() {
        return !role.isStaff();
    }

    public boolean canManage() {
        return role.canManage();
    }

    public boolean isClientSupervisor() {
        return role == Role.CLIENT_CONTACT && supervisor;
    }
}
