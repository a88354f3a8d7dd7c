package com.easydesk.person;

/**
 * Where a managed person belongs: the provider's staff, or the contacts of one client company. Every
 * lookup of a person to change names the team, so that an id from one team never reaches another.
 */
public record Team(Long clientId) {

    public static final Team STAFF = new Team(null);

    public static Team ofClient(long clientId) {
        return new Team(clientId);
    }

    public boolean isStaff() {
        return clientId == null;
    }

    boolean includes(Person person) {
        return isStaff() ? person.isStaff() : clientId.equals(person.getClientId());
    }
}
