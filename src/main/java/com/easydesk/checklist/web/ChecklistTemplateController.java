package com.easydesk.checklist.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.easydesk.checklist.ChecklistInputException;
import com.easydesk.checklist.ChecklistTemplateService;
import com.easydesk.person.Viewer;

/** The manager's page of checklist templates: add, change and retire them; htmx swaps the list. */
@Controller
class ChecklistTemplateController {

    private final ChecklistTemplateService templates;

    ChecklistTemplateController(ChecklistTemplateService templates) {
        this.templates = templates;
    }

    @GetMapping("/settings/checklists")
    String page(Viewer viewer, Model model) {
        return render(viewer, model, null, "settings/checklists");
    }

    @PostMapping("/settings/checklists")
    String add(Viewer viewer, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String steps,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, htmx, model, () -> templates.add(viewer, name, steps));
    }

    @PostMapping("/settings/checklists/{id}")
    String change(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String steps,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, htmx, model, () -> templates.change(viewer, id, name, steps));
    }

    @PostMapping("/settings/checklists/{id}/active")
    String setActive(Viewer viewer, @PathVariable long id, @RequestParam boolean active,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, htmx, model, () -> templates.setActive(viewer, id, active));
    }

    private String attempt(Viewer viewer, String htmx, Model model, Runnable change) {
        String refusal = null;
        try {
            change.run();
        } catch (ChecklistInputException refused) {
            refusal = refused.code();
        }
        if (htmx == null && refusal == null) {
            return "redirect:/settings/checklists";
        }
        return render(viewer, model, refusal, htmx == null ? "settings/checklists" : "settings/checklists :: list");
    }

    private String render(Viewer viewer, Model model, String refusal, String view) {
        model.addAttribute("templates", templates.all(viewer));
        model.addAttribute("refusal", refusal);
        return view;
    }
}
