package com.easydesk.task;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.ContactHistory;

/** Tasks tie a contact to their company: those they requested or wrote. */
@Component
@Transactional(readOnly = true)
class TaskContactHistory implements ContactHistory {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public long recordsNaming(long personId) {
        return entityManager.createQuery("select count(t) from Task t where t.contact.id = :id or t.author.id = :id",
                Long.class).setParameter("id", personId).getSingleResult();
    }
}
