package com.easydesk.category;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.easydesk.person.Person;

/** What a task is about; the client picks it, and it names who gets the task by default. */
@Entity
@Table(name = "category")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "default_responsible_id")
    private Person defaultResponsible;

    private boolean active;

    private int position;

    protected Category() {
    }

    public Category(String name, Person defaultResponsible) {
        this.name = name.trim();
        this.description = "";
        this.defaultResponsible = defaultResponsible;
        this.active = true;
    }

    /** Renames and redescribes the category; the default responsible must be active staff, or nobody. */
    public void describe(String newName, String newDescription, Person newDefaultResponsible) {
        if (newDefaultResponsible != null && (!newDefaultResponsible.isStaff() || !newDefaultResponsible.isActive())) {
            throw new IllegalArgumentException("A default responsible is an active staff member");
        }
        this.name = newName.trim();
        this.description = newDescription == null ? "" : newDescription.strip();
        this.defaultResponsible = newDefaultResponsible;
    }

    /** An archived category is no longer offered for new tasks, but stays on the tasks that have it. */
    public void archive() {
        this.active = false;
    }

    public void restore() {
        this.active = true;
    }

    void placeAt(int newPosition) {
        this.position = newPosition;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Person getDefaultResponsible() {
        return defaultResponsible;
    }

    public boolean isActive() {
        return active;
    }
}
