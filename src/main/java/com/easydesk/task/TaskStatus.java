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

    TaskStatus(String code, String name, StatusKind kind, int position, StatusColor color) {
        this.code = code;
        this.kind = kind;
        this.position = position;
        this.active = true;
        rename(name);
        recolour(color);
    }

    void rename(String newName) {
        if (newName == null || newName.isBlank() || newName.strip().length() > 100) {
            throw new IllegalArgumentException("A status needs a name of up to 100 characters");
        }
        this.name = newName.strip();
    }

    void recolour(StatusColor newColor) {
        this.color = newColor.code();
    }

    void placeAt(int newPosition) {
        this.position = newPosition;
    }

    /** A retired status cannot be chosen any more; tasks already in it keep it and show its name. */
    void retire() {
        this.active = false;
    }

    void restore() {
        this.active = true;
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

    public int getPosition() {
        return position;
    }

    public boolean isActive() {
        return active;
    }
}
