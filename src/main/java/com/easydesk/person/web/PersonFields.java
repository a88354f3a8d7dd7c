package com.easydesk.person.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.easydesk.person.Person;

/** What every form about a person asks, with the same rules: name, e-mail, phone, position. */
public abstract class PersonFields {

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

    /** Shows a stored person's values in the form. */
    protected void fillFrom(Person person) {
        fullName = person.getFullName();
        email = person.getEmail();
        phone = person.getPhone();
        jobTitle = person.getJobTitle();
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
}
