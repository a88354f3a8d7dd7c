package com.easydesk.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

import com.easydesk.notification.NotificationArea;
import com.easydesk.notification.NotificationBell;
import com.easydesk.person.Viewer;
import com.easydesk.security.CurrentViewer;

/** Puts the signed-in viewer into every page's model for the header and navigation. */
@ControllerAdvice
class LayoutModel {

    private final NotificationArea notifications;

    LayoutModel(NotificationArea notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return CurrentViewer.find().orElse(null);
    }

    /**
     * The header's bell. Counted only when a template shows it: fragments, redirects and downloads that never
     * render the header cost no query.
     */
    @ModelAttribute("notificationBell")
    LazyContextVariable<NotificationBell> notificationBell() {
        Viewer viewer = CurrentViewer.find().orElse(null);
        if (viewer == null) {
            return null;
        }
        return new LazyContextVariable<>() {
            @Override
            protected NotificationBell loadValue() {
                return notifications.bell(viewer);
            }
        };
    }
}
