package com.easydesk.person.web;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.easydesk.person.PasswordLink.State;
import com.easydesk.person.PasswordLinkService;
import com.easydesk.person.PasswordLinkService.LinkCheck;
import com.easydesk.person.PasswordRules;
import com.easydesk.person.PeopleProperties;
import com.easydesk.security.PasswordResetLimit;

/**
 * The pages for people without a usable password: ask for a reset link, and choose a password through
 * an invitation or reset link. Asking always answers the same, registered address or not, and is limited
 * per typed address and per client address (the limit too answers the same for any typed address). A link
 * that no longer works says why: used, expired, replaced by a newer one, or unknown.
 */
@Controller
class PasswordController {

    private final PasswordLinkService links;
    private final PeopleProperties properties;
    private final PasswordResetLimit resetLimit;

    PasswordController(PasswordLinkService links, PeopleProperties properties, PasswordResetLimit resetLimit) {
        this.links = links;
        this.properties = properties;
        this.resetLimit = resetLimit;
    }

    /** {@code ?wait=} is how many minutes a limited request must wait. */
    @GetMapping("/password-reset")
    String resetForm(@RequestParam(name = "wait", required = false) String wait, Model model) {
        model.addAttribute("validityHours", properties.linkValidity().toHours());
        if (wait != null && wait.matches("\\d{1,4}")) {
            model.addAttribute("waitMinutes", Integer.parseInt(wait));
        }
        return "password/reset";
    }

    @PostMapping("/password-reset")
    String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
        if (email.isBlank()) {
            return "redirect:/password-reset";
        }
        Optional<Duration> wait = resetLimit.admit(email, request.getRemoteAddr());
        if (wait.isPresent()) {
            return "redirect:/password-reset?wait=" + Math.max(1, wait.get().toMinutes() + 1);
        }
        links.requestReset(email);
        return "redirect:/password-reset?sent";
    }

    @GetMapping("/password/{token}")
    String choiceForm(@PathVariable String token, Model model, HttpServletResponse response) {
        LinkCheck link = links.check(token);
        if (link.state() != State.USABLE) {
            return unusable(link.state(), model, response);
        }
        model.addAttribute("choice", new PasswordChoiceForm());
        model.addAttribute("link", link);
        model.addAttribute("token", token);
        return "password/choose";
    }

    @PostMapping("/password/{token}")
    String choose(@PathVariable String token, @ModelAttribute("choice") PasswordChoiceForm form,
            BindingResult errors, Model model, HttpServletResponse response) {
        LinkCheck link = links.check(token);
        if (link.state() != State.USABLE) {
            return unusable(link.state(), model, response);
        }
        PasswordRules.problemWith(form.getPassword()).ifPresent(problem -> errors.rejectValue("password", problem));
        if (form.getPassword() != null && !form.getPassword().equals(form.getConfirmation())) {
            errors.rejectValue("confirmation", "password.mismatch");
        }
        if (errors.hasErrors()) {
            model.addAttribute("link", link);
            model.addAttribute("token", token);
            return "password/choose";
        }
        State state = links.choosePassword(token, form.getPassword());
        if (state != State.USABLE) {
            return unusable(state, model, response);
        }
        return "redirect:/login?password-set";
    }

    /** 404 for a link nobody sent, 410 for one that worked once and no longer does. */
    private static String unusable(State state, Model model, HttpServletResponse response) {
        response.setStatus(state == State.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
        model.addAttribute("state", state);
        return "password/unusable";
    }
}
