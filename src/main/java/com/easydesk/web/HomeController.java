package com.easydesk.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.easydesk.person.Role;
import com.easydesk.person.Viewer;

/** Sends each person to where their work starts: employees to the queue, everyone else to the list. */
@Controller
class HomeController {

    /** Up to this many seconds the sign-in form counts in seconds, beyond in minutes. */
    private static final long SECONDS_SHOWN = 90;

    @GetMapping("/")
    String home(Viewer viewer) {
        return viewer.role() == Role.EMPLOYEE ? "redirect:/queue" : "redirect:/tasks";
    }

    /** {@code ?wait=} is how long a throttled sign-in must wait, in seconds (docs/security.md). */
    @GetMapping("/login")
    String login(@RequestParam(name = "wait", required = false) String wait, Model model) {
        long seconds = seconds(wait);
        if (seconds > SECONDS_SHOWN) {
            model.addAttribute("waitMinutes", (seconds + 59) / 60);
        } else if (seconds > 0) {
            model.addAttribute("waitSeconds", seconds);
        }
        return "login";
    }

    private static long seconds(String wait) {
        try {
            return wait == null ? 0 : Math.max(0, Long.parseLong(wait));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
