package com.easydesk.task.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.easydesk.category.CategoryService;
import com.easydesk.client.ClientService;
import com.easydesk.person.Viewer;
import com.easydesk.task.StaffList;
import com.easydesk.task.TaskListService;
import com.easydesk.task.TaskListSort;
import com.easydesk.task.TaskStatus;

/**
 * Renders {@code GET /tasks} for staff: the whole page, or for htmx (filters, sorting, pages, the workload
 * strip) only the board below the header, with the view's clean URL for the address bar. A history restore
 * after a cache miss gets the whole page, as the browser's own back button would.
 */
@Component
class StaffListView {

    static final int PAGE_SIZE = 50;

    private final TaskListService lists;
    private final ClientService clients;
    private final CategoryService categories;

    StaffListView(TaskListService lists, ClientService clients, CategoryService categories) {
        this.lists = lists;
        this.clients = clients;
        this.categories = categories;
    }

    String show(Viewer viewer, HttpServletRequest request, HttpServletResponse response, Model model) {
        var parameters = StaffListParameters.from(request.getContextPath(), request.getParameterMap());
        StaffList list = lists.staffList(viewer, parameters.query(PAGE_SIZE));
        parameters = parameters.keepingStatuses(list.statuses().stream().map(TaskStatus::getId).toList(),
                list.statuses().stream().filter(status -> status.getKind().isOpen()).map(TaskStatus::getId)
                        .collect(Collectors.toSet()));

        model.addAttribute("list", list);
        model.addAttribute("links", parameters);
        model.addAttribute("staff", list.staff());
        model.addAttribute("formerStaff", list.formerStaffWithOpenTasks());
        model.addAttribute("workload", list.workload());
        model.addAttribute("back", parameters.query());
        model.addAttribute("clients", clients.all());
        model.addAttribute("categories", categories.all());
        model.addAttribute("doneStatusIds", list.statuses().stream().filter(status -> !status.getKind().isOpen())
                .map(TaskStatus::getId).toList());
        model.addAttribute("allStatusIds", list.statuses().stream().map(TaskStatus::getId).toList());
        model.addAttribute("sortKeys", Arrays.stream(TaskListSort.values()).map(TaskListSort::key).toList());

        // One URL answers with a page or a fragment: caches must keep them apart.
        response.addHeader("Vary", "HX-Request");
        boolean fragment = request.getHeader("HX-Request") != null
                && request.getHeader("HX-History-Restore-Request") == null;
        if (!fragment) {
            return "tasks/staff-list";
        }
        response.setHeader("HX-Push-Url", parameters.link());
        return "tasks/staff-list :: board";
    }
}
