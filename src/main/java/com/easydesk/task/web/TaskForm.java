package com.easydesk.task.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.easydesk.task.NewTask;

/** The new-task form as typed; validated before anything is stored. */
class TaskForm {

    @NotBlank(message = "{task.title.required}")
    @Size(max = 300, message = "{task.title.too-long}")
    private String title;

    @Size(max = 100_000, message = "{task.description.too-long}")
    private String description;

    @NotNull(message = "{task.category.required}")
    private Long categoryId;

    private String submissionKey;

    NewTask toNewTask() {
        return new NewTask(title, description, categoryId, submissionKey);
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
}
