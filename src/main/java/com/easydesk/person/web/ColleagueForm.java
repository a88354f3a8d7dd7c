package com.easydesk.person.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.easydesk.person.ContactDetails;

/** A new contact of the supervisor's own company, as the supervisor types them. */
class ColleagueForm {

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

    ContactDetails toDetails() {
        return new ContactDetails(fullName, email, phone, jobTitle, false);
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
