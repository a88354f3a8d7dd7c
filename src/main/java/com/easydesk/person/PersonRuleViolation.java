package com.easydesk.person;

/**
 * A change to a person that the rules refuse (an e-mail already in use, a contact with tasks moved to
 * another company). It names the form field and the message key, so that the page can say why.
 */
public class PersonRuleViolation extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public PersonRuleViolation(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
