package com.easydesk.search;

/** What to search for, and the filters that narrow it; a null filter does not narrow. */
public record SearchCriteria(String text, Long statusId, Long clientId, Long categoryId, Long responsibleId) {

    public static SearchCriteria text(String text) {
        return new SearchCriteria(text, null, null, null, null);
    }

    public boolean filtered() {
        return statusId != null || clientId != null || categoryId != null || responsibleId != null;
    }
}
