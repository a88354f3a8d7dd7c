package com.easydesk.client.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.easydesk.person.ContactDetails;
import com.easydesk.person.Person;

/** A client contact as a manager types it; the company can change only when editing. */
class ContactForm {

    @NotBlank(message = "{person.name.required}")
    @Size(max = 200, message = "{person.name.too-long}")
    private String fullName;

    @NotBlank(message = "{person.email.required}")
    @Email(message = "{person.email.invalid}")
    @Size(max = 320, message = "{person.email.invalid}")
    private String email;

    @Size(max = 50, message = "{person.phone.too-long}")
    private String phone;

    @Size(max = 200, message = "{person.job-title.too-long}")
    private String jobTitle;

    private boolean supervisor;

    private Long clientId;

    static ContactForm of(Person person) {
        var form = new ContactForm();
        form.fullName = person.getFullName();
        form.email = person.getEmail();
        form.phone = person.getPhone();
        form.jobTitle = person.getJobTitle();
        form.supervisor = person.isSupervisor();
        form.clientId = person.getClientId();
        return form;
    }

    ContactDetails toDetails() {
        return new ContactDetails(fullName, email, phone, jobTitle, supervisor);
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    /** Surrounding spaces, as pasted from a mail, are no part of the address. */
    public void setEmail(String email) {
        this.email = email == null ? null : email.strip();
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
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
