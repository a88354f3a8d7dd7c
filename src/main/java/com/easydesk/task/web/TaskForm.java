package com.easydesk.task.web;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import com.easydesk.message.QuotedMessage;
import com.easydesk.task.NewTask;
import com.easydesk.task.Priority;
import com.easydesk.task.TaskDetails;

/**
 * The new-task form as typed; validated before anything is stored. A client fills in the title, the
 * description and the category; staff also the parameters below them, which a client's form never shows
 * and the service ignores for clients.
 */
class TaskForm {

    @NotBlank(message = "{task.title.required}")
    @Size(max = 300, message = "{task.title.too-long}")
    private String title;

    @Size(max = 100_000, message = "{task.description.too-long}")
    private String description;

    private Long categoryId;

    private String submissionKey;

    private Priority priority = Priority.NORMAL;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate deadlineDate;

    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime deadlineTime;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;

    private Long responsibleId;

    private Long coExecutorId;

    private Long observerId;

    private Long clientId;

    private Long contactId;

    private boolean internal;

    /** The message the task is created from, if any. */
    private Long fromMessageId;

    NewTask toNewTask(boolean byStaff) {
        TaskDetails details = byStaff ? new TaskDetails(priority, deadlineDate, deadlineTime, startDate, responsibleId,
                coExecutorId, observerId, clientId, contactId, internal) : null;
        return new NewTask(title, description, categoryId, submissionKey, details);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public void setSubmissionKey(String submissionKey) {
        this.submissionKey = submissionKey;
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

    public Long getResponsibleId() {
        return responsibleId;
    }

    public void setResponsibleId(Long responsibleId) {
        this.responsibleId = responsibleId;
    }

    public Long getCoExecutorId() {
        return coExecutorId;
    }

    public void setCoExecutorId(Long coExecutorId) {
        this.coExecutorId = coExecutorId;
    }

    public Long getObserverId() {
        return observerId;
    }

    public void setObserverId(Long observerId) {
        this.observerId = observerId;
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

    public Long getFromMessageId() {
        return fromMessageId;
    }

    public void setFromMessageId(Long fromMessageId) {
        this.fromMessageId = fromMessageId;
    }

    /** Starts the form from a message: its text, the client of its task, its category. */
    void startFrom(QuotedMessage quoted) {
        this.fromMessageId = quoted.id();
        this.title = quoted.suggestedTitle();
        this.description = quoted.body();
        this.categoryId = quoted.categoryId();
        this.clientId = quoted.clientId();
        this.contactId = quoted.contactId();
        this.internal = quoted.internal() || quoted.taskInternal();
    }

    public boolean isInternal() {
        return internal;
    }

    public void setInternal(boolean internal) {
        this.internal = internal;
    }
}
