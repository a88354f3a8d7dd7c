package com.easydesk.task.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.task.EditConflictException;
import com.easydesk.task.TaskListService;
import com.easydesk.task.TaskService;

/**
 * Reassigning the responsible from a row of the staff list ({@code view=row}): the same change as on the task
 * page, with its history, notifications and version check, answered with the row as it is now and the
 * workload strip. Managers and the director only, like every reassignment (SecurityConfig).
 */
@Controller
class TaskListController {

    private final TaskService tasks;
    private final TaskListService lists;
    private final PersonService people;

    TaskListController(TaskService tasks, TaskListService lists, PersonService people) {
        this.tasks = tasks;
        this.lists = lists;
        this.people = people;
    }

    /**
     * A stale version answers htmx with the row as it is now, a note that the change was not saved, and 409.
     * Without htmx the manager goes back to the list they came from ({@code back}, rebuilt from its
     * parameters, so that it can only lead to the list).
     */
    @PostMapping(path = "/tasks/{number}/responsible", params = "view=row")
    String reassignFromRow(Viewer viewer, @PathVariable long number, @RequestParam long responsibleId,
            @RequestParam long version, @RequestParam(defaultValue = "") String back,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        var links = StaffListParameters.fromQuery(request.getContextPath(), back);
        String list = links.query();
        if (htmx == null) {
            tasks.assignResponsible(viewer, number, responsibleId, version);
            return "redirect:/tasks" + (list.isEmpty() ? "" : "?" + list);
        }
        try {
            tasks.assignResponsible(viewer, number, responsibleId, version);
        } catch (EditConflictException | ObjectOptimisticLockingFailureException stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            response.setHeader("HX-Retarget", "#task-row-" + number);
            response.setHeader("HX-Reswap", "outerHTML");
            model.addAttribute("conflict", true);
        }
        List<Person> staff = people.activeStaff();
        model.addAttribute("row", lists.staffRow(viewer, number));
        model.addAttribute("staff", staff);
        model.addAttribute("workload", lists.workload(viewer, staff));
        model.addAttribute("links", links);
        model.addAttribute("back", list);
        return "tasks/staff-list :: row-change";
    }
}
