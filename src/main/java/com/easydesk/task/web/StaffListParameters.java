package com.easydesk.task.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import com.easydesk.task.TaskListFilter;
import com.easydesk.task.TaskListFilter.Pick;
import com.easydesk.task.TaskListQuery;
import com.easydesk.task.TaskListSort;

/**
 * The staff list's state as it lives in the URL, so that a view can be bookmarked and the back button
 * returns to it: {@code status} (repeated), {@code responsible}, {@code client}, {@code category} (an id or
 * {@code none}), {@code sort} and {@code dir}, and {@code after} or {@code before} (a task number) for the
 * page. Anything malformed is ignored, as if it were absent: a list never answers with an error page. It
 * also writes the links of the page, leaving defaults out so that the URLs stay short.
 *
 * <p>The page writes its links from here rather than with Thymeleaf's {@code @{…}}: that passes every link
 * through the resource URL encoder, which looks each one up on the classpath as a possible static file, and
 * a page of 50 rows has a few hundred links (docs/lists.md).
 */
final class StaffListParameters {

    static final String NONE = "none";

    private static final TaskListSort DEFAULT_SORT = TaskListSort.ACTIVITY;

    private final Set<Long> statusIds;
    private final Pick responsible;
    private final Pick client;
    private final Pick category;
    private final TaskListSort sort;
    private final boolean descending;
    private final Long after;
    private final Long before;
    private final String contextPath;

    private StaffListParameters(String contextPath, Set<Long> statusIds, Pick responsible, Pick client, Pick category,
            TaskListSort sort, boolean descending, Long after, Long before) {
        this.contextPath = contextPath;
        this.statusIds = Set.copyOf(statusIds);
        this.responsible = responsible;
        this.client = client;
        this.category = category;
        this.sort = sort;
        this.descending = descending;
        this.after = after;
        this.before = before;
    }

    static StaffListParameters from(String contextPath, Map<String, String[]> parameters) {
        Set<Long> statuses = Arrays.stream(parameters.getOrDefault("status", new String[0]))
                .map(StaffListParameters::number).filter(id -> id != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        TaskListSort sort = TaskListSort.byKey(first(parameters, "sort")).orElse(DEFAULT_SORT);
        String direction = first(parameters, "dir");
        boolean descending = "desc".equals(direction) || (!"asc".equals(direction) && sort.descendingFirst());
        Long after = number(first(parameters, "after"));
        Long before = after == null ? number(first(parameters, "before")) : null;
        return new StaffListParameters(contextPath, statuses, pick(first(parameters, "responsible")),
                pick(first(parameters, "client")), pick(first(parameters, "category")), sort, descending, after,
                before);
    }

    /** The state of a list page given as its query string, such as a row's form carries back. */
    static StaffListParameters fromQuery(String contextPath, String query) {
        MultiValueMap<String, String> parsed = UriComponentsBuilder.fromUriString("/tasks?" + (query == null ? ""
                : query)).build().getQueryParams();
        return from(contextPath, parsed.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().map(value -> value == null ? "" : value).toArray(String[]::new))));
    }

    TaskListQuery query(int size) {
        return new TaskListQuery(new TaskListFilter(statusIds, responsible, client, category), sort, descending,
                after, before, size);
    }

    /**
     * The same view without the status ids that name no status any more, and without any when they are the
     * default ones: the form sends its ticked statuses with every change, and the address should only name
     * them when someone chose others.
     */
    StaffListParameters keepingStatuses(Collection<Long> known, Set<Long> byDefault) {
        Set<Long> kept = statusIds.stream().filter(known::contains).collect(Collectors.toSet());
        return new StaffListParameters(contextPath, kept.equals(byDefault) ? Set.of() : kept, responsible, client,
                category, sort, descending, after, before);
    }

    // What the filter form shows.

    public boolean statusesChosen() {
        return !statusIds.isEmpty();
    }

    public String responsibleValue() {
        return value(responsible);
    }

    public String clientValue() {
        return value(client);
    }

    public String categoryValue() {
        return value(category);
    }

    public String sortKey() {
        return sort.key();
    }

    public String direction() {
        return descending ? "desc" : "asc";
    }

    /** {@code ascending}, {@code descending} or {@code none}, for aria-sort on the column's header. */
    public String ariaSort(String key) {
        if (!sort.key().equals(key)) {
            return "none";
        }
        return descending ? "descending" : "ascending";
    }

    // The links of the page.

    /** This view as a link: what the address bar shows after an htmx request. */
    public String link() {
        return build(statusIds, responsible, client, category, sort, descending, after, before);
    }

    /** This view's query string, which a row's reassign form carries so that a plain post can come back. */
    public String query() {
        String link = link();
        int question = link.indexOf('?');
        return question < 0 ? "" : link.substring(question + 1);
    }

    /** Sorted by this column: the other way round if it is the current one, its own first direction if not. */
    public String sortLink(String key) {
        TaskListSort column = TaskListSort.byKey(key).orElseThrow();
        boolean newDescending = column == sort ? !descending : column.descendingFirst();
        return build(statusIds, responsible, client, category, column, newDescending, null, null);
    }

    /** The list with nothing chosen: what «Сбросить» leads to, and where the filter form sends. */
    public String resetLink() {
        return contextPath + "/tasks";
    }

    public String taskLink(long number) {
        return contextPath + "/tasks/" + number;
    }

    /** Where a row's form changes the responsible. */
    public String responsibleLink(long number) {
        return contextPath + "/tasks/" + number + "/responsible";
    }

    /** The first page of this view. */
    public String firstLink() {
        return build(statusIds, responsible, client, category, sort, descending, null, null);
    }

    public String nextLink(Long lastNumber) {
        return build(statusIds, responsible, client, category, sort, descending, lastNumber, null);
    }

    public String previousLink(Long firstNumber) {
        return build(statusIds, responsible, client, category, sort, descending, null, firstNumber);
    }

    /** The open tasks of one responsible ({@code null}: of nobody), newest activity first. */
    public String workloadLink(Long personId) {
        return build(Set.of(), personId == null ? Pick.NONE : Pick.of(personId), Pick.ANY, Pick.ANY, DEFAULT_SORT,
                true, null, null);
    }

    /** The same open tasks, the most overdue first. */
    public String overdueLink(Long personId) {
        return build(Set.of(), personId == null ? Pick.NONE : Pick.of(personId), Pick.ANY, Pick.ANY,
                TaskListSort.DEADLINE, false, null, null);
    }

    /** These statuses, the other filters and the order as they are. */
    public String statusesLink(Collection<Long> ids) {
        return build(Set.copyOf(ids), responsible, client, category, sort, descending, null, null);
    }

    private String build(Set<Long> statuses, Pick responsible, Pick client, Pick category,
            TaskListSort sort, boolean descending, Long after, Long before) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
        statuses.stream().sorted().forEach(id -> query.add("status", id.toString()));
        put(query, "responsible", value(responsible));
        put(query, "client", value(client));
        put(query, "category", value(category));
        if (sort != DEFAULT_SORT || descending != sort.descendingFirst()) {
            query.add("sort", sort.key());
            query.add("dir", descending ? "desc" : "asc");
        }
        put(query, "after", after == null ? "" : after.toString());
        put(query, "before", before == null ? "" : before.toString());
        return UriComponentsBuilder.fromPath(contextPath + "/tasks").queryParams(query).build().toUriString();
    }

    private static void put(MultiValueMap<String, String> query, String name, String value) {
        if (!value.isEmpty()) {
            query.add(name, value);
        }
    }

    private static String value(Pick pick) {
        if (pick.unset()) {
            return NONE;
        }
        return pick.id() == null ? "" : pick.id().toString();
    }

    private static Pick pick(String value) {
        if (NONE.equals(value)) {
            return Pick.NONE;
        }
        Long id = number(value);
        return id == null ? Pick.ANY : Pick.of(id);
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static Long number(String value) {
        if (value == null || value.isBlank() || value.strip().length() > 18 || !value.strip().matches("\\d+")) {
            return null;
        }
        return Long.valueOf(value.strip());
    }
}
