package com.easydesk.category;

/** A category as a manager describes it; the default responsible is a staff member's id, or null. */
public record CategoryDetails(String name, String description, Long defaultResponsibleId) {
}
