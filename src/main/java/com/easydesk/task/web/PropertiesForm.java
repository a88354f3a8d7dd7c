package com.easydesk.task.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.format.annotation.DateTimeFormat;

import com.easydesk.person.Person;
import com.easydesk.task.Priority;
import com.easydesk.task.Task;
import com.easydesk.task.TaskEdit;

/**
 * The parameters in the task page's side panel as staff see and change them. Every change posts the
 * whole panel with the version it was loaded at; the add/remove fields name one participant each.
 */
class PropertiesForm {

    private long version;

    private Priority priority;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deadlineDate;

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime deadlineTime;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;

    private Long categoryId;

    private Long coExecutorId;

    private Long clientId;

    private Long contactId;

    private Long addObserverId;

    private Long removeObserverId;

    private Long addWatcherId;

    private Long removeWatcherId;

    /** The panel as the task is now: a timed deadline in the viewer's zone, a whole day in the provider's. */
    static PropertiesForm of(Task task, ZoneId viewerZone, ZoneId providerZone) {
        var form = new PropertiesForm();
        form.version = task.getVersion();
        form.priority = task.getPriority();
        if (task.getDeadline() != null) {
            ZonedDateTime deadline = task.getDeadline().atZone(task.isDeadlineHasTime() ? viewerZone : providerZone);
            form.deadlineDate = deadline.toLocalDate();
            form.deadlineTime = task.isDeadlineHasTime() ? deadline.toLocalTime().withSecond(0).withNano(0) : null;
        }
        form.startDate = task.getStartDate();
        form.categoryId = task.getCategory() == null ? null : task.getCategory().getId();
        form.coExecutorId = idOf(task.getCoExecutor());
        form.clientId = task.getClient() == null ? null : task.getClient().getId();
        form.contactId = idOf(task.getContact());
        return form;
    }

    TaskEdit toEdit() {
        return new TaskEdit(priority, deadlineDate, deadlineTime, startDate, categoryId, coExecutorId, clientId,
                contactId, addObserverId, removeObserverId, addWatcherId, removeWatcherId);
    }

    private static Long idOf(Person person) {
        return person == null ? null : person.getId();
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public LocalDate getDeadlineDate() {
        return deadlineDate;
    }

    public void setDeadlineDate(LocalDate deadlineDate) {
        this.deadlineDate = deadlineDate;
    }

    public LocalTime getDeadlineTime() {
        return deadlineTime;
    }

    public void setDeadlineTime(LocalTime deadlineTime) {
        this.deadlineTime = deadlineTime;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public Long getCoExecutorId() {
        return coExecutorId;
    }

    public void setCoExecutorId(Long coExecutorId) {
        this.coExecutorId = coExecutorId;
    }

    public Long getClientId() {
        return clientId;
    }

    public void setClientId(Long clientId) {
        this.clientId = clientId;
    }

    public Long getContactId() {
        return contactId;
    }

    public void setContactId(Long contactId) {
        this.contactId = contactId;
    }

    public Long getAddObserverId() {
        return addObserverId;
    }

    public void setAddObserverId(Long addObserverId) {
        this.addObserverId = addObserverId;
    }

    public Long getRemoveObserverId() {
        return removeObserverId;
    }

    public void setRemoveObserverId(Long removeObserverId) {
        this.removeObserverId = removeObserverId;
    }

    public Long getAddWatcherId() {
        return addWatcherId;
    }

    public void setAddWatcherId(Long addWatcherId) {
        this.addWatcherId = addWatcherId;
    }

    public Long getRemoveWatcherId() {
        return removeWatcherId;
    }

    public void setRemoveWatcherId(Long removeWatcherId) {
        this.removeWatcherId = removeWatcherId;
    }
}
