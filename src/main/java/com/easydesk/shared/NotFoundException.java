package com.easydesk.shared;

/**
 * Thrown for an object that does not exist or that the viewer may not know exists: both answer 404,
 * so that a client cannot probe for other companies' task numbers.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
