package com.easydesk.task.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.easydesk.person.Viewer;
import com.easydesk.task.InvalidTaskException;
import com.easydesk.task.StatusColor;
import com.easydesk.task.StatusKind;
import com.easydesk.task.StatusService;

/**
 * The manager's page of statuses: every change answers htmx with the list and a plain form post with a
 * redirect. A refused change (an empty name, the last status of a kind) is explained above the list.
 */
@Controller
class StatusController {

    private final StatusService statuses;

    StatusController(StatusService statuses) {
        this.statuses = statuses;
    }

    @GetMapping("/settings/statuses")
    String page(Viewer viewer, Model model) {
        return render(viewer, model, null, "settings/statuses");
    }

    @PostMapping("/settings/statuses")
    String add(Viewer viewer, @RequestParam String name, @RequestParam StatusKind kind,
            @RequestParam StatusColor color, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        return attempt(viewer, htmx, model, () -> statuses.add(viewer, name, kind, color));
    }

    @PostMapping("/settings/statuses/{id}")
    String change(Viewer viewer, @PathVariable long id, @RequestParam String name, @RequestParam StatusColor color,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, htmx, model, () -> statuses.change(viewer, id, name, color));
    }

    @PostMapping("/settings/statuses/{id}/position")
    String move(Viewer viewer, @PathVariable long id, @RequestParam boolean up,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, htmx, model, () -> statuses.move(viewer, id, up));
    }

    @PostMapping("/settings/statuses/{id}/active")
    String setActive(Viewer viewer, @PathVariable long id, @RequestParam boolean active,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        return attempt(viewer, htmx, model, () -> statuses.setActive(viewer, id, active));
    }

    private String attempt(Viewer viewer, String htmx, Model model, Runnable change) {
        String refusal = null;
        try {
            change.run();
        } catch (InvalidTaskException refused) {
            refusal = refused.problems().get(0).code();
        }
        if (htmx == null && refusal == null) {
            return "redirect:/settings/statuses";
        }
        return render(viewer, model, refusal, htmx == null ? "settings/statuses" : "settings/statuses :: list");
    }

    private String render(Viewer viewer, Model model, String refusal, String view) {
        model.addAttribute("statuses", statuses.all(viewer));
        model.addAttribute("kinds", StatusKind.values());
        model.addAttribute("colors", StatusColor.values());
        model.addAttribute("refusal", refusal);
        return view;
    }
}
