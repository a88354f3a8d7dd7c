package com.easydesk.category;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.Person;
import com.easydesk.person.PersonService;
import com.easydesk.shared.NotFoundException;

/** Task categories: those offered to people creating tasks, and their management by managers. */
@Service
@Transactional(readOnly = true)
public class CategoryService {

    private static final int POSITION_STEP = 10;

    private final Categories categories;
    private final PersonService people;

    CategoryService(Categories categories, PersonService people) {
        this.categories = categories;
        this.people = people;
    }

    /** Categories offered on the new-task form; archived ones stay on old tasks only. */
    public List<Category> offered() {
        return categories.findActive();
    }

    public Optional<Category> findOffered(Long id) {
        return id == null ? Optional.empty() : categories.findById(id).filter(Category::isActive);
    }

    /** The category's default responsible if still active: the fallback when no routing rule decides. */
    public Optional<Long> activeDefaultResponsibleId(long categoryId) {
        return categories.findById(categoryId)
                .map(Category::getDefaultResponsible)
                .filter(person -> person != null && person.isActive())
                .map(person -> person.getId());
    }

    /** Every category, active first, with default responsibles loaded for the list page. */
    public List<Category> all() {
        return categories.findAllForManagers();
    }

    /** A category with its default responsible loaded. */
    public Category get(long id) {
        return categories.findWithResponsible(id).orElseThrow(() -> new NotFoundException("Category " + id));
    }

    /** Whether another category than {@code exceptId} (null: a new one) already has this name. */
    public boolean nameTaken(String name, Long exceptId) {
        return name != null
                && categories.existsNamed(name.strip().toLowerCase(Locale.ROOT), exceptId == null ? -1 : exceptId);
    }

    /** Whether this id names someone who can be a category's default responsible: active staff. */
    public boolean canBeDefaultResponsible(Long personId) {
        return personId == null || people.find(personId).filter(Person::isStaff).filter(Person::isActive).isPresent();
    }

    @Transactional
    public Category add(Category category) {
        category.placeAt(categories.findLastPosition() + POSITION_STEP);
        return categories.save(category);
    }

    @Transactional
    public Category add(CategoryDetails details) {
        var category = new Category(details.name(), null);
        category.describe(details.name(), details.description(), responsible(details.defaultResponsibleId()));
        return add(category);
    }

    @Transactional
    public Category change(long id, CategoryDetails details) {
        Category category = get(id);
        category.describe(details.name(), details.description(), responsible(details.defaultResponsibleId()));
        return category;
    }

    @Transactional
    public Category archive(long id) {
        Category category = get(id);
        category.archive();
        return category;
    }

    @Transactional
    public Category restore(long id) {
        Category category = get(id);
        category.restore();
        return category;
    }

    private Person responsible(Long personId) {
        return personId == null ? null : people.get(personId);
    }
}
