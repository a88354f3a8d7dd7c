package com.easydesk.task;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A status people see («Ждёт ответа клиента») mapped to the kind the software works with. */
@Entity
@Table(name = "task_status")
public class TaskStatus {

    static final String NEW_CODE = "new";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private StatusKind kind;

    private int position;

    private String color;

    private boolean active;

    protected TaskStatus() {
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public StatusKind getKind() {
        return kind;
    }

    public String getColor() {
        return color;
    }

    public boolean isActive() {
        return active;
    }
}
