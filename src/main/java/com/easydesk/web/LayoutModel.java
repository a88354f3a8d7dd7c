package com.easydesk.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.easydesk.person.Viewer;
import com.easydesk.security.CurrentViewer;

/** Puts the signed-in viewer into every page's model for the header and navigation. */
@ControllerAdvice
class LayoutModel {

    @ModelAttribute("viewer")
    Viewer viewer() {
        return CurrentViewer.find().orElse(null);
    }
}
