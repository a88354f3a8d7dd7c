package com.easydesk.search;

import java.util.List;

/** One page of search results; {@code total} counts only tasks the viewer may open. */
public record SearchResults(List<SearchHit> hits, long total, int page, int pageSize, boolean indexRebuilding) {

    static SearchResults none(int pageSize, boolean indexRebuilding) {
        return new SearchResults(List.of(), 0, 0, pageSize, indexRebuilding);
    }

    public boolean isEmpty() {
        return hits.isEmpty();
    }

    public int totalPages() {
        return (int) ((total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }
}
