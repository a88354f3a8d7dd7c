package com.easydesk.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import com.easydesk.person.Role;
import com.easydesk.person.Viewer;

/** Sends each person to where their work starts: employees to the queue, everyone else to the list. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Viewer viewer) {
        return viewer.role() == Role.EMPLOYEE ? "redirect:/queue" : "redirect:/tasks";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
