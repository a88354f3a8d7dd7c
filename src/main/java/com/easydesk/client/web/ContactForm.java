package com.easydesk.client.web;

import com.easydesk.person.ContactDetails;
import com.easydesk.person.Person;
import com.easydesk.person.web.PersonFields;

/** A client contact as a manager types it; the company can change only when editing. */
class ContactForm extends PersonFields {

    private boolean supervisor;

    private Long clientId;

    static ContactForm of(Person person) {
        var form = new ContactForm();
        form.fillFrom(person);
        form.supervisor = person.isSupervisor();
        form.clientId = person.getClientId();
        return form;
    }

    ContactDetails toDetails() {
        return new ContactDetails(getFullName(), getEmail(), getPhone(), getJobTitle(), supervisor);
    }

    public boolean isSupervisor() {
        return supervisor;
    }

    public void setSupervisor(boolean supervisor) {
        this.supervisor = supervisor;
    }

    public Long getClientId() {
        return clientId;
    }

    public void setClientId(Long clientId) {
        this.clientId = clientId;
    }
}
