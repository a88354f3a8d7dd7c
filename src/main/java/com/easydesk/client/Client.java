package com.easydesk.client;

import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A client company: the provider's customer whose contacts submit tasks. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(name = "time_zone")
    private String timeZone;

    private boolean active;

    private String inn;

    private String kpp;

    @Column(name = "legal_address")
    private String legalAddress;

    private String notes;

    protected Client() {
    }

    public Client(String name) {
        this.name = name.trim();
        this.timeZone = "Europe/Moscow";
        this.active = true;
        this.legalAddress = "";
        this.notes = "";
    }

    /** Replaces what the provider knows about the company; the caller has checked the ИНН and КПП. */
    public void describe(ClientDetails details) {
        if (!LegalDetails.isValidInn(details.inn()) || !LegalDetails.isValidKpp(details.kpp())) {
            throw new IllegalArgumentException("Malformed ИНН or КПП");
        }
        this.name = details.name().trim();
        this.inn = blankToNull(details.inn());
        this.kpp = blankToNull(details.kpp());
        this.legalAddress = details.legalAddress() == null ? "" : details.legalAddress().trim();
        this.timeZone = details.zone().getId();
        this.notes = details.notes() == null ? "" : details.notes().strip();
    }

    /** An archived company is no longer offered for new work; its contacts and tasks stay as they are. */
    public void archive() {
        this.active = false;
    }

    public void restore() {
        this.active = true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
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

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    public String getInn() {
        return inn;
    }

    public String getKpp() {
        return kpp;
    }

    public String getLegalAddress() {
        return legalAddress;
    }

    public String getNotes() {
        return notes;
    }
}
