package com.easydesk.person;

/** A client contact as a manager (or the company's supervisor) describes them. */
public record ContactDetails(String fullName, String email, String phone, String jobTitle, boolean supervisor) {
}
