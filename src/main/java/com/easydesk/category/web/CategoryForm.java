package com.easydesk.category.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.easydesk.category.Category;
import com.easydesk.category.CategoryDetails;

/** A category as a manager types it. */
class CategoryForm {

    @NotBlank(message = "{category.name.required}")
    @Size(max = 200, message = "{category.name.too-long}")
    private String name;

    @Size(max = 2000, message = "{category.description.too-long}")
    private String description;

    private Long defaultResponsibleId;

    static CategoryForm of(Category category) {
        var form = new CategoryForm();
        form.name = category.getName();
        form.description = category.getDescription();
        var responsible = category.getDefaultResponsible();
        form.defaultResponsibleId = responsible != null && responsible.isActive() ? responsible.getId() : null;
        return form;
    }

    CategoryDetails toDetails() {
        return new CategoryDetails(name, description, defaultResponsibleId);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getDefaultResponsibleId() {
        return defaultResponsibleId;
    }

    public void setDefaultResponsibleId(Long defaultResponsibleId) {
        this.defaultResponsibleId = defaultResponsibleId;
    }
}
