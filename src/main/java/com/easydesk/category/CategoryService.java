package com.easydesk.category;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class CategoryService {

    private final Categories categories;

    CategoryService(Categories categories) {
        this.categories = categories;
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

    @Transactional
    public Category add(Category category) {
        return categories.save(category);
    }
}
