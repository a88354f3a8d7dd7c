package com.easydesk.notification.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.easydesk.notification.NotificationArea;
import com.easydesk.person.Viewer;

/**
 * The notification area «Новые сообщения»: the viewer's entries, the header's bell that an open page asks for
 * again and again (an htmx poll, docs/notifications.md), and marking everything read.
 */
@Controller
class NotificationController {

    private static final int PAGE_SIZE = 30;

    private final NotificationArea area;

    NotificationController(NotificationArea area) {
        this.area = area;
    }

    @GetMapping("/notifications")
    String list(Viewer viewer, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("entries", area.entries(viewer, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "notifications/list";
    }

    /** The bell alone, with its unread count: one count on an index, asked for by every open page. */
    @GetMapping("/notifications/badge")
    String bell(Viewer viewer, Model model) {
        model.addAttribute("notificationBell", area.bell(viewer));
        return "notifications/bell :: bell";
    }

    @PostMapping("/notifications/read")
    String markAllRead(Viewer viewer) {
        area.markAllRead(viewer);
        return "redirect:/notifications";
    }
}
