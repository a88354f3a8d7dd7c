package com.easydesk.person;

import java.time.ZoneId;

/** A staff member as the director describes them. */
public record StaffDetails(String fullName, String email, Role role, String jobTitle, String phone, ZoneId zone) {
}
