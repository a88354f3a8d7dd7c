package com.easydesk.client.web;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.easydesk.client.Client;
import com.easydesk.client.ClientDetails;

/** The client company form as typed. */
class ClientForm {

    @NotBlank(message = "{client.name.required}")
    @Size(max = 200, message = "{client.name.too-long}")
    private String name;

    private String inn;

    private String kpp;

    @Size(max = 500, message = "{client.legal-address.too-long}")
    private String legalAddress;

    private String timeZone = "Europe/Moscow";

    @Size(max = 10_000, message = "{client.notes.too-long}")
    private String notes;

    static ClientForm of(Client client) {
        var form = new ClientForm();
        form.name = client.getName();
        form.inn = client.getInn();
        form.kpp = client.getKpp();
        form.legalAddress = client.getLegalAddress();
        form.timeZone = client.getZone().getId();
        form.notes = client.getNotes();
        return form;
    }

    ClientDetails toDetails(ZoneId zone) {
        return new ClientDetails(name, inn, kpp, legalAddress, zone, notes);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getInn() {
        return inn;
    }

    public void setInn(String inn) {
        this.inn = inn;
    }

    public String getKpp() {
        return kpp;
    }

    public void setKpp(String kpp) {
        this.kpp = kpp;
    }

    public String getLegalAddress() {
        return legalAddress;
    }

    public void setLegalAddress(String legalAddress) {
        this.legalAddress = legalAddress;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
