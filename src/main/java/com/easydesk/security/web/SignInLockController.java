package com.easydesk.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.easydesk.person.Viewer;
import com.easydesk.security.SignInLocks;
import com.easydesk.security.ThrottleProperties;

/** «Блокировки входа»: the director sees which accounts and addresses are held back and lifts that. */
@Controller
class SignInLockController {

    private final SignInLocks locks;
    private final ThrottleProperties rules;

    SignInLockController(SignInLocks locks, ThrottleProperties rules) {
        this.locks = locks;
        this.rules = rules;
    }

    @GetMapping("/settings/sign-in-locks")
    String page(Viewer viewer, Model model) {
        model.addAttribute("locks", locks.current(viewer));
        model.addAttribute("rules", rules);
        return "settings/sign-in-locks";
    }

    @PostMapping("/settings/sign-in-locks/{id}/lift")
    String lift(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        locks.lift(viewer, id);
        redirect.addFlashAttribute("notice", "sign-in-locks.lifted");
        return "redirect:/settings/sign-in-locks";
    }
}
