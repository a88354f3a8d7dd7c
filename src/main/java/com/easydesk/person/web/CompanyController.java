package com.easydesk.person.web;

import java.util.function.Supplier;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.easydesk.client.ClientService;
import com.easydesk.person.Person;
import com.easydesk.person.PersonRuleViolation;
import com.easydesk.person.PersonService;
import com.easydesk.person.Team;
import com.easydesk.person.Viewer;

/**
 * A client supervisor manages their own company's contacts: invite, deactivate, reactivate, send the
 * invitation again. The company is always the viewer's own; a contact of any other company is a 404.
 */
@Controller
class CompanyController {

    private final PersonService people;
    private final ClientService clients;

    CompanyController(PersonService people, ClientService clients) {
        this.people = people;
        this.clients = clients;
    }

    @GetMapping("/company/contacts/new")
    String newColleague(Viewer viewer, Model model) {
        return showForm(viewer, new ColleagueForm(), model);
    }

    @PostMapping("/company/contacts")
    String invite(Viewer viewer, @Valid @ModelAttribute("colleague") ColleagueForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Person person = people.inviteContact(viewer, viewer.clientId(), form.toDetails());
                redirect.addFlashAttribute("notice", "contact.invited");
                redirect.addFlashAttribute("noticeArgument", person.getEmail());
                return "redirect:/profile";
            } catch (PersonRuleViolation violation) {
                errors.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
            } catch (DataIntegrityViolationException sameEmailAtOnce) {
                errors.rejectValue("email", "person.email.taken");
            }
        }
        return showForm(viewer, form, model);
    }

    @PostMapping("/company/contacts/{id}/deactivate")
    String deactivate(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "contact.deactivated", () -> people.deactivate(viewer, ownCompany(viewer), id));
    }

    @PostMapping("/company/contacts/{id}/reactivate")
    String reactivate(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "contact.reactivated", () -> people.reactivate(viewer, ownCompany(viewer), id));
    }

    @PostMapping("/company/contacts/{id}/invitation")
    String resendInvitation(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "contact.invited", () -> people.resendInvitation(viewer, ownCompany(viewer), id));
    }

    private static Team ownCompany(Viewer viewer) {
        return Team.ofClient(viewer.clientId());
    }

    private static String act(RedirectAttributes redirect, String notice, Supplier<Person> action) {
        try {
            Person person = action.get();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArgument", person.getEmail());
        } catch (PersonRuleViolation violation) {
            redirect.addFlashAttribute("problem", violation.messageKey());
        }
        return "redirect:/profile";
    }

    private String showForm(Viewer viewer, ColleagueForm form, Model model) {
        model.addAttribute("colleague", form);
        model.addAttribute("company", clients.get(viewer.clientId()));
        return "profile/invite";
    }
}
