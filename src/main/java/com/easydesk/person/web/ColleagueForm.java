package com.easydesk.person.web;

import com.easydesk.person.ContactDetails;

/** A new contact of the supervisor's own company, as the supervisor types them. */
class ColleagueForm extends PersonFields {

    ContactDetails toDetails() {
        return new ContactDetails(getFullName(), getEmail(), getPhone(), getJobTitle(), false);
    }
}
