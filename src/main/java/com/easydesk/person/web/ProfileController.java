package com.easydesk.person.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.easydesk.client.ClientService;
import com.easydesk.person.Language;
import com.easydesk.person.PasswordRules;
import com.easydesk.person.Person;
import com.easydesk.person.PersonRuleViolation;
import com.easydesk.person.PersonService;
import com.easydesk.person.Viewer;
import com.easydesk.shared.TimeZones;

/**
 * Everyone's own profile: name, time zone, interface language, e-mail notifications, password. Client
 * contacts also see their company and its contacts there; a supervisor manages those contacts from it.
 */
@Controller
class ProfileController {

    private final PersonService people;
    private final ClientService clients;
    private final LocaleResolver localeResolver;
    private final Clock clock;

    ProfileController(PersonService people, ClientService clients, LocaleResolver localeResolver, Clock clock) {
        this.people = people;
        this.clients = clients;
        this.localeResolver = localeResolver;
        this.clock = clock;
    }

    @GetMapping("/profile")
    String show(Viewer viewer, Model model) {
        Person person = people.get(viewer.id());
        return showPage(viewer, ProfileForm.of(person), new PasswordChangeForm(), model);
    }

    @PostMapping("/profile")
    String save(Viewer viewer, @Valid @ModelAttribute("profile") ProfileForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<ZoneId> zone = TimeZones.parse(form.getTimeZone());
        if (zone.isEmpty()) {
            errors.rejectValue("timeZone", "time-zone.unknown");
        }
        if (errors.hasErrors()) {
            return showPage(viewer, form, new PasswordChangeForm(), model);
        }
        Person person = people.changeProfile(viewer, form.toDetails(zone.orElseThrow()));
        localeResolver.setLocale(request, response, person.getLanguage().locale());
        redirect.addFlashAttribute("notice", "profile.saved");
        return "redirect:/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(Viewer viewer, @ModelAttribute("passwordChange") PasswordChangeForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        PasswordRules.problemWith(form.getNewPassword())
                .ifPresent(problem -> errors.rejectValue("newPassword", problem));
        if (form.getNewPassword() != null && !form.getNewPassword().equals(form.getConfirmation())) {
            errors.rejectValue("confirmation", "password.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                people.changePassword(viewer, form.getCurrentPassword(), form.getNewPassword());
                redirect.addFlashAttribute("notice", "profile.password.changed");
                return "redirect:/profile";
            } catch (PersonRuleViolation violation) {
                errors.rejectValue(violation.field(), violation.messageKey());
            }
        }
        return showPage(viewer, ProfileForm.of(people.get(viewer.id())), form, model);
    }

    private String showPage(Viewer viewer, ProfileForm profile, PasswordChangeForm password, Model model) {
        model.addAttribute("profile", profile);
        model.addAttribute("passwordChange", password);
        model.addAttribute("person", people.get(viewer.id()));
        model.addAttribute("zones", TimeZones.options(profile.getTimeZone(), clock.instant()));
        model.addAttribute("languages", List.of(Language.values()));
        if (viewer.isClient()) {
            model.addAttribute("company", clients.get(viewer.clientId()));
            model.addAttribute("colleagues", people.colleaguesOf(viewer));
        }
        return "profile/show";
    }
}
