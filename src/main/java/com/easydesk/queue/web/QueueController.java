package com.easydesk.queue.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.easydesk.person.Viewer;
import com.easydesk.queue.QueueService;

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
}
