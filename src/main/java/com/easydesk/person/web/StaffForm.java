package com.easydesk.person.web;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import com.easydesk.person.Person;
import com.easydesk.person.Role;
import com.easydesk.person.StaffDetails;

/** A staff member as the director types them. */
class StaffForm extends PersonFields {

    @NotNull(message = "{person.role.required}")
    private Role role = Role.EMPLOYEE;

    private String timeZone = "Europe/Moscow";

    static StaffForm of(Person person) {
        var form = new StaffForm();
        form.fillFrom(person);
        form.role = person.getRole();
        form.timeZone = person.getZone().getId();
        return form;
    }

    StaffDetails toDetails(ZoneId zone) {
        return new StaffDetails(getFullName(), getEmail(), role, getJobTitle(), getPhone(), zone);
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
