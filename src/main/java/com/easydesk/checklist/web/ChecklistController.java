package com.easydesk.checklist.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.easydesk.checklist.ChecklistInputException;
import com.easydesk.checklist.ChecklistService;
import com.easydesk.checklist.ChecklistTemplateService;
import com.easydesk.person.Viewer;
import com.easydesk.task.Task;
import com.easydesk.task.TaskService;

/**
 * The checklist on the task page. Every change answers htmx with the checklist and a plain form post with
 * a redirect to the task; a refused item is explained inside the checklist.
 */
@Controller
class ChecklistController {

    private final ChecklistService checklists;
    private final ChecklistTemplateService templates;
    private final TaskService tasks;

    ChecklistController(ChecklistService checklists, ChecklistTemplateService templates, TaskService tasks) {
        this.checklists = checklists;
        this.templates = templates;
        this.tasks = tasks;
    }

    @PostMapping("/tasks/{number}/checklist/items")
    String add(Viewer viewer, @PathVariable long number, @RequestParam(defaultValue = "") String text,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, number, htmx, model, () -> checklists.add(viewer, number, text));
    }

    @PostMapping("/tasks/{number}/checklist/items/{id}")
    String tick(Viewer viewer, @PathVariable long number, @PathVariable long id, @RequestParam boolean done,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, number, htmx, model, () -> checklists.tick(viewer, number, id, done));
    }

    @PostMapping("/tasks/{number}/checklist/items/{id}/position")
    String move(Viewer viewer, @PathVariable long number, @PathVariable long id, @RequestParam boolean up,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, number, htmx, model, () -> checklists.move(viewer, number, id, up));
    }

    @PostMapping("/tasks/{number}/checklist/items/{id}/removal")
    String remove(Viewer viewer, @PathVariable long number, @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, number, htmx, model, () -> checklists.remove(viewer, number, id));
    }

    @PostMapping("/tasks/{number}/checklist/visibility")
    String showToClient(Viewer viewer, @PathVariable long number, @RequestParam boolean visible,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, number, htmx, model, () -> checklists.showToClient(viewer, number, visible));
    }

    @PostMapping("/tasks/{number}/checklist/template")
    String apply(Viewer viewer, @PathVariable long number, @RequestParam long templateId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, number, htmx, model, () -> checklists.apply(viewer, number, templateId));
    }

    private String attempt(Viewer viewer, long number, String htmx, Model model, Runnable change) {
        String refusal = null;
        try {
            change.run();
        } catch (ChecklistInputException refused) {
            refusal = refused.code();
        }
        if (htmx == null) {
            // Without htmx the page reloads; an empty item simply is not added.
            return "redirect:/tasks/" + number;
        }
        Task task = tasks.visibleTask(viewer, number);
        model.addAttribute("task", task);
        model.addAttribute("checklist", checklists.viewFor(viewer, task).orElse(null));
        model.addAttribute("checklistTemplates", templates.offered());
        model.addAttribute("checklistRefusal", refusal);
        return "checklist/panel :: checklist";
    }
}
