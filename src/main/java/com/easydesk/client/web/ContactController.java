package com.easydesk.client.web;

import java.util.List;
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

import com.easydesk.client.Client;
import com.easydesk.client.ClientService;
import com.easydesk.person.Person;
import com.easydesk.person.PersonRuleViolation;
import com.easydesk.person.PersonService;
import com.easydesk.person.Team;
import com.easydesk.person.Viewer;

/**
 * The contacts of one client company, for managers and the director: invite, change (including moving
 * to another company while no tasks tie them here), deactivate, send the invitation again. A contact id
 * is only ever looked up inside the company of the URL.
 */
@Controller
class ContactController {

    private final ClientService clients;
    private final PersonService people;

    ContactController(ClientService clients, PersonService people) {
        this.clients = clients;
        this.people = people;
    }

    @GetMapping("/clients/{clientId}/contacts/new")
    String newContact(@PathVariable long clientId, Model model) {
        return showForm(new ContactForm(), clients.get(clientId), null, model);
    }

    @PostMapping("/clients/{clientId}/contacts")
    String invite(Viewer viewer, @PathVariable long clientId, @Valid @ModelAttribute("contact") ContactForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        Client client = clients.get(clientId);
        if (!errors.hasErrors()) {
            try {
                Person person = people.inviteContact(viewer, clientId, form.toDetails());
                redirect.addFlashAttribute("notice", "contact.invited");
                redirect.addFlashAttribute("noticeArgument", person.getEmail());
                return "redirect:/clients/" + clientId;
            } catch (PersonRuleViolation violation) {
                errors.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
            } catch (DataIntegrityViolationException sameEmailAtOnce) {
                errors.rejectValue("email", "person.email.taken");
            }
        }
        return showForm(form, client, null, model);
    }

    @GetMapping("/clients/{clientId}/contacts/{id}/edit")
    String edit(Viewer viewer, @PathVariable long clientId, @PathVariable long id, Model model) {
        Person person = people.member(viewer, Team.ofClient(clientId), id);
        return showForm(ContactForm.of(person), clients.get(clientId), person, model);
    }

    @PostMapping("/clients/{clientId}/contacts/{id}")
    String change(Viewer viewer, @PathVariable long clientId, @PathVariable long id,
            @Valid @ModelAttribute("contact") ContactForm form, BindingResult errors, Model model) {
        Person person = people.member(viewer, Team.ofClient(clientId), id);
        Client client = clients.get(clientId);
        long newClientId = form.getClientId() == null ? clientId : clients.get(form.getClientId()).getId();
        if (!errors.hasErrors()) {
            try {
                people.changeContact(viewer, clientId, id, form.toDetails(), newClientId);
                return "redirect:/clients/" + newClientId;
            } catch (PersonRuleViolation violation) {
                errors.rejectValue(violation.field(), violation.messageKey(), violation.arguments(), null);
            } catch (DataIntegrityViolationException sameEmailAtOnce) {
                errors.rejectValue("email", "person.email.taken");
            }
        }
        return showForm(form, client, person, model);
    }

    @PostMapping("/clients/{clientId}/contacts/{id}/deactivate")
    String deactivate(Viewer viewer, @PathVariable long clientId, @PathVariable long id,
            RedirectAttributes redirect) {
        return act(clientId, redirect, "contact.deactivated", () -> people.deactivate(viewer,
                Team.ofClient(clientId), id));
    }

    @PostMapping("/clients/{clientId}/contacts/{id}/reactivate")
    String reactivate(Viewer viewer, @PathVariable long clientId, @PathVariable long id,
            RedirectAttributes redirect) {
        return act(clientId, redirect, "contact.reactivated", () -> people.reactivate(viewer,
                Team.ofClient(clientId), id));
    }

    @PostMapping("/clients/{clientId}/contacts/{id}/invitation")
    String resendInvitation(Viewer viewer, @PathVariable long clientId, @PathVariable long id,
            RedirectAttributes redirect) {
        return act(clientId, redirect, "contact.invited", () -> people.resendInvitation(viewer,
                Team.ofClient(clientId), id));
    }

    private String act(long clientId, RedirectAttributes redirect, String notice,
            Supplier<Person> action) {
        try {
            Person person = action.get();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArgument", person.getEmail());
        } catch (PersonRuleViolation violation) {
            redirect.addFlashAttribute("problem", violation.messageKey());
        }
        return "redirect:/clients/" + clientId;
    }

    private String showForm(ContactForm form, Client client, Person existing, Model model) {
        model.addAttribute("contact", form);
        model.addAttribute("company", client);
        model.addAttribute("existing", existing);
        model.addAttribute("companies", existing == null ? List.of() : clients.all());
        return "clients/contact-form";
    }
}
