package com.easydesk.category.web;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.easydesk.category.Category;
import com.easydesk.category.CategoryService;
import com.easydesk.person.PersonService;

/**
 * Categories for managers and the director: the list, the form with the default responsible (active
 * staff only), archiving. An archived category is no longer offered but stays on its tasks.
 */
@Controller
class CategoryController {

    private final CategoryService categories;
    private final PersonService people;

    CategoryController(CategoryService categories, PersonService people) {
        this.categories = categories;
        this.people = people;
    }

    @GetMapping("/categories")
    String list(Model model) {
        model.addAttribute("categories", categories.all());
        return "categories/list";
    }

    @GetMapping("/categories/new")
    String newCategory(Model model) {
        return showForm(new CategoryForm(), null, model);
    }

    @PostMapping("/categories")
    String add(@Valid @ModelAttribute("category") CategoryForm form, BindingResult errors, Model model) {
        check(form, null, errors);
        if (errors.hasErrors()) {
            return showForm(form, null, model);
        }
        categories.add(form.toDetails());
        return "redirect:/categories";
    }

    @GetMapping("/categories/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Category category = categories.get(id);
        return showForm(CategoryForm.of(category), category, model);
    }

    @PostMapping("/categories/{id}")
    String change(@PathVariable long id, @Valid @ModelAttribute("category") CategoryForm form, BindingResult errors,
            Model model) {
        Category category = categories.get(id);
        check(form, id, errors);
        if (errors.hasErrors()) {
            return showForm(form, category, model);
        }
        categories.change(id, form.toDetails());
        return "redirect:/categories";
    }

    @PostMapping("/categories/{id}/archive")
    String archive(@PathVariable long id, RedirectAttributes redirect) {
        Category category = categories.archive(id);
        redirect.addFlashAttribute("notice", "category.archived.notice");
        redirect.addFlashAttribute("noticeArgument", category.getName());
        return "redirect:/categories";
    }

    @PostMapping("/categories/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        Category category = categories.restore(id);
        redirect.addFlashAttribute("notice", "category.restored.notice");
        redirect.addFlashAttribute("noticeArgument", category.getName());
        return "redirect:/categories";
    }

    private void check(CategoryForm form, Long id, BindingResult errors) {
        // Two categories of one name could not be told apart in the client's choice or in a filter.
        if (!errors.hasFieldErrors("name") && categories.nameTaken(form.getName(), id)) {
            errors.rejectValue("name", "category.name.taken");
        }
        if (!categories.canBeDefaultResponsible(form.getDefaultResponsibleId())) {
            errors.rejectValue("defaultResponsibleId", "category.responsible.unknown");
        }
    }

    private String showForm(CategoryForm form, Category existing, Model model) {
        model.addAttribute("category", form);
        model.addAttribute("existing", existing);
        model.addAttribute("staff", people.activeStaff());
        return "categories/form";
    }
}
