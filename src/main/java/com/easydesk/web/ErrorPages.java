package com.easydesk.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import com.easydesk.attachment.ContentMissingException;
import com.easydesk.notification.NotificationArea;
import com.easydesk.person.Viewer;
import com.easydesk.security.CurrentViewer;
import com.easydesk.shared.NotFoundException;
import com.easydesk.task.EditConflictException;

/** Maps the exceptions with a fixed meaning to error pages in the layout; never a stack trace. */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final NotificationArea notifications;

    ErrorPages(NotificationArea notifications) {
        this.notifications = notifications;
    }

    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound() {
        return page("error/404");
    }

    @ExceptionHandler({ EditConflictException.class, ObjectOptimisticLockingFailureException.class })
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView conflict() {
        return page("error/409");
    }

    @ExceptionHandler(ContentMissingException.class)
    @ResponseStatus(HttpStatus.GONE)
    ModelAndView fileMissing(ContentMissingException missing) {
        log.error("File content missing from the store", missing);
        return page("error/410");
    }

    /**
     * A file over the upload limit ({@code EASYDESK_MAX_FILE_SIZE}). The container stopped reading it before
     * anything was stored, so nothing of the request remains.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    ModelAndView tooLarge() {
        return page("error/413");
    }

    /** Exception handlers start with an empty model, so the layout's viewer and bell are added here. */
    private ModelAndView page(String view) {
        var page = new ModelAndView(view);
        Viewer viewer = CurrentViewer.find().orElse(null);
        page.addObject("viewer", viewer);
        if (viewer != null) {
            page.addObject("notificationBell", notifications.bell(viewer));
        }
        return page;
    }
}
