package com.easydesk.task.web;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.task.TaskService;

/**
 * The task list as clients see it (DESIGN.md §2.7, docs/tasks.md): number, title, responsible, status, newest
 * activity first, closed tasks in the archive, cards on a phone. A supervisor switches between the company's
 * tasks and their own, and narrows the company's to one contact.
 */
@Component
class ClientTaskList {

    private static final int PAGE_SIZE = 50;

    private final TaskService tasks;
    private final PersonService people;

    ClientTaskList(TaskService tasks, PersonService people) {
        this.tasks = tasks;
        this.people = people;
    }

    String show(Viewer viewer, ClientListFilter filter, boolean archive, int page, Model model) {
        boolean own = viewer.isClientSupervisor() && filter.isOwn();
        model.addAttribute("archive", archive);
        model.addAttribute("tasks", tasks.clientListFor(viewer, own, filter.getContact(), archive,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        String filterUrl = "/tasks";
        if (viewer.isClientSupervisor()) {
            List<Person> contacts = people.colleaguesOf(viewer);
            Person contact = own || filter.getContact() == null ? null : contacts.stream()
                    .filter(person -> person.getId().equals(filter.getContact())).findFirst().orElse(null);
            model.addAttribute("own", own);
            model.addAttribute("contacts", contacts);
            model.addAttribute("contact", contact);
            filterUrl = own ? "/tasks?scope=" + ClientListFilter.OWN
                    : contact == null ? "/tasks" : "/tasks?contact=" + contact.getId();
        }
        // The tabs and pages keep the filter; only what the list really applied goes into their links.
        model.addAttribute("filterUrl", filterUrl);
        return "tasks/client-list";
    }
}
