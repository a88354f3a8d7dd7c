package com.easydesk.checklist;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A named list of steps a manager keeps, to add to a task in one click. A retired one is not offered. */
@Entity
@Table(name = "checklist_template")
public class ChecklistTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private boolean active;

    @OneToMany(mappedBy = "template", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ChecklistTemplateItem> items = new ArrayList<>();

    protected ChecklistTemplate() {
    }

    ChecklistTemplate(String name, List<String> steps) {
        this.active = true;
        rename(name);
        replaceSteps(steps);
    }

    void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.strip().length() > 200) {
            throw new IllegalArgumentException("A template needs a name of up to 200 characters");
        }
        this.name = newName.strip();
    }

    /** The steps, in order; blank lines are not steps. */
    void replaceSteps(List<String> steps) {
        items.clear();
        int position = 0;
        for (String step : steps) {
            if (step != null && !step.isBlank()) {
                position += 10;
                items.add(new ChecklistTemplateItem(this, step, position));
            }
        }
    }

    void retire() {
        this.active = false;
    }

    void restore() {
        this.active = true;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public List<String> getSteps() {
        return items.stream().map(ChecklistTemplateItem::getText).toList();
    }

    /** The steps one per line, as the manager edits them. */
    public String getStepsText() {
        return String.join("\n", getSteps());
    }
}
