package com.easydesk.person;

/** The one role a person has. A client supervisor is a client contact with the supervisor flag. */
public enum Role {
    /** An employee of a client company: sees the tasks they requested. */
    CLIENT_CONTACT,
    /** The provider's staff member who works tasks. */
    EMPLOYEE,
    /** Staff who distributes and controls the work. */
    MANAGER,
    /** The owner and administrator. */
    DIRECTOR;

    public boolean isStaff() {
        return this != CLIENT_CONTACT;
    }

    public boolean canManage() {
        return this == MANAGER || this == DIRECTOR;
    }
}
