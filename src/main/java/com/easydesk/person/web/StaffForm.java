package com.easydesk.person.web;

import java.time.ZoneId;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.StaffDetails;

/** A staff member as the director types them. */
class StaffForm {

    @NotBlank(message = "{person.name.required}")
    @Size(max = 200, message = "{person.name.too-long}")
    private String fullName;

    @NotBlank(message = "{person.email.required}")
    @Email(message = "{person.email.invalid}")
    @Size(max = 320, message = "{person.email.invalid}")
    private String email;

    @NotNull(message = "{person.role.required}")
    private Role role = Role.EMPLOYEE;

    @Size(max = 200, message = "{person.job-title.too-long}")
    private String jobTitle;

    @Size(max = 50, message = "{person.phone.too-long}")
    private String phone;

    private String timeZone = "Europe/Moscow";

    static StaffForm of(Person person) {
        var form = new StaffForm();
        form.fullName = person.getFullName();
        form.email = person.getEmail();
        form.role = person.getRole();
        form.jobTitle = person.getJobTitle();
        form.phone = person.getPhone();
        form.timeZone = person.getZone().getId();
        return form;
    }

    StaffDetails toDetails(ZoneId zone) {
        return new StaffDetails(fullName, email, role, jobTitle, phone, zone);
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

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
