package com.easydesk.person.web;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.easydesk.person.Language;
import com.easydesk.person.Person;
import com.easydesk.person.ProfileDetails;

/** The viewer's own settings as typed. */
class ProfileForm {

    @NotBlank(message = "{person.name.required}")
    @Size(max = 200, message = "{person.name.too-long}")
    private String fullName;

    private String timeZone;

    private Language language = Language.RU;

    private boolean notifyMessages;

    private boolean notifyStatusChanges;

    private boolean notifyAssignments;

    static ProfileForm of(Person person) {
        var form = new ProfileForm();
        form.fullName = person.getFullName();
        form.timeZone = person.getZone().getId();
        form.language = person.getLanguage();
        form.notifyMessages = person.isNotifyMessages();
        form.notifyStatusChanges = person.isNotifyStatusChanges();
        form.notifyAssignments = person.isNotifyAssignments();
        return form;
    }

    ProfileDetails toDetails(ZoneId zone) {
        return new ProfileDetails(fullName, zone, language == null ? Language.RU : language, notifyMessages,
                notifyStatusChanges, notifyAssignments);
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public boolean isNotifyMessages() {
        return notifyMessages;
    }

    public void setNotifyMessages(boolean notifyMessages) {
        this.notifyMessages = notifyMessages;
    }

    public boolean isNotifyStatusChanges() {
        return notifyStatusChanges;
    }

    public void setNotifyStatusChanges(boolean notifyStatusChanges) {
        this.notifyStatusChanges = notifyStatusChanges;
    }

    public boolean isNotifyAssignments() {
        return notifyAssignments;
    }

    public void setNotifyAssignments(boolean notifyAssignments) {
        this.notifyAssignments = notifyAssignments;
    }
}
