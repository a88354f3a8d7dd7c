package com.easydesk.person;

/**
 * Records elsewhere that tie a client contact to their company (tasks they requested or wrote). The task
 * feature implements it; the person feature asks before moving a contact to another company.
 */
public interface ContactHistory {

    /** How many records name this person as contact or author. */
    long recordsNaming(long personId);
}
