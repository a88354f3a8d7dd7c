package com.easydesk.person;

import java.time.ZoneId;

/** What a person sets in their own profile. */
public record ProfileDetails(String fullName, ZoneId zone, Language language, boolean mailAboutMessages,
        boolean mailAboutStatusChanges, boolean mailAboutAssignments) {
}
