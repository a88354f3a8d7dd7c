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

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "default_responsible_id")
    private Person defaultResponsible;

    private boolean active;

    private int position;

    protected Category() {
    }

    public Category(String name, Person defaultResponsible) {
        this.name = name;
        this.defaultResponsible = defaultResponsible;
        this.active = true;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Person getDefaultResponsible() {
        return defaultResponsible;
    }

    public boolean isActive() {
        return active;
    }
}
