package com.easydesk.search.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.easydesk.category.CategoryService;
import com.easydesk.client.ClientService;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.search.SearchCriteria;
import com.easydesk.search.SearchIndex;
import com.easydesk.search.SearchService;
import com.easydesk.task.TaskService;

/**
 * {@code GET /search}: the header's dropdown for htmx (search as you type), the results page with
 * filters and pages otherwise. {@code /search/index}: the director's view of the index and its rebuild.
 * Filters arrive as text and anything that is not a number is ignored, like a malformed query: a search
 * never answers with an error page.
 */
@Controller
class SearchController {

    static final int PAGE_SIZE = 20;
    static final int DROPDOWN_SIZE = 7;

    private final SearchService search;
    private final SearchIndex index;
    private final TaskService tasks;
    private final CategoryService categories;
    private final ClientService clients;
    private final PersonService people;

    SearchController(SearchService search, SearchIndex index, TaskService tasks, CategoryService categories,
            ClientService clients, PersonService people) {
        this.search = search;
        this.index = index;
        this.tasks = tasks;
        this.categories = categories;
        this.clients = clients;
        this.people = people;
    }

    @GetMapping("/search")
    String search(Viewer viewer, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String client,
            @RequestParam(required = false) String category, @RequestParam(required = false) String responsible,
            @RequestParam(defaultValue = "0") String page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var criteria = new SearchCriteria(q, idOrNull(status), viewer.isStaff() ? idOrNull(client) : null,
                idOrNull(category), viewer.isStaff() ? idOrNull(responsible) : null);
        model.addAttribute("q", q);
        model.addAttribute("criteria", criteria);
        if (htmx != null) {
            model.addAttribute("results", search.search(viewer, SearchCriteria.text(q), 0, DROPDOWN_SIZE));
            return "search/results :: dropdown";
        }
        Long pageNumber = idOrNull(page);
        int safePage = pageNumber == null ? 0 : (int) Math.min(pageNumber, 10_000);
        model.addAttribute("results", search.search(viewer, criteria, safePage, PAGE_SIZE));
        model.addAttribute("statuses", tasks.selectableStatuses());
        model.addAttribute("categories", categories.offered());
        if (viewer.isStaff()) {
            model.addAttribute("clients", clients.all());
            model.addAttribute("employees", people.activeStaff());
        }
        return "search/results";
    }

    @GetMapping("/search/index")
    String index(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("progress", index.progress());
        return htmx == null ? "search/index" : "search/index :: progress";
    }

    @PostMapping("/search/index")
    String rebuild(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        index.startRebuild();
        if (htmx == null) {
            return "redirect:/search/index";
        }
        model.addAttribute("progress", index.progress());
        return "search/index :: progress";
    }

    private static Long idOrNull(String value) {
        if (value == null || value.isBlank() || value.length() > 18 || !value.strip().matches("\\d+")) {
            return null;
        }
        return Long.valueOf(value.strip());
    }
}
