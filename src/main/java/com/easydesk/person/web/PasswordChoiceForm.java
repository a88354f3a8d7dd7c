package com.easydesk.person.web;

/** Choosing a password through an invitation or reset link: typed twice. */
class PasswordChoiceForm {

    private String password;

    private String confirmation;

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
