package com.easydesk.task.web;

/**
 * What a client supervisor narrows their list to: {@code scope=own} for the tasks they requested or watch, or
 * one contact of the company. Plain contacts have nothing to choose; the service ignores what they send.
 */
class ClientListFilter {

    static final String OWN = "own";

    private String scope;

    private Long contact;

    boolean isOwn() {
        return OWN.equals(scope);
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public Long getContact() {
        return contact;
    }

    public void setContact(Long contact) {
        this.contact = contact;
    }
}
