package com.easydesk.queue.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import com.easydesk.person.Viewer;
import com.easydesk.queue.QueueService;
import com.easydesk.shared.NotFoundException;
import com.easydesk.task.QueueGroup;

/** The employee's queue; a group's further rows live at the group's own address ({@code /queue/overdue}). */
@Controller
class QueueController {

    private final QueueService queues;

    QueueController(QueueService queues) {
        this.queues = queues;
    }

    @GetMapping("/queue")
    String queue(Viewer viewer, Model model) {
        model.addAttribute("queue", queues.queueOf(viewer));
        return "queue/queue";
    }

    /**
     * Page {@code page} of one group: htmx gets just its rows ("show more", opening the folded group); a plain
     * request gets the queue page with that group open down to that page.
     */
    @GetMapping("/queue/{group}")
    String group(Viewer viewer, @PathVariable String group, @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        QueueGroup chosen = QueueGroup.fromPath(group).orElseThrow(() -> new NotFoundException("Queue group "
                + group));
        if (htmx == null) {
            model.addAttribute("queue", queues.queueOf(viewer, chosen, page));
            return "queue/queue";
        }
        model.addAttribute("slice", queues.page(viewer, chosen, page));
        return "queue/queue :: rows";
    }
}
