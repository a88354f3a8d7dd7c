package com.easydesk.message;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.easydesk.person.ContactHistory;

/** Messages tie a contact to their company too: a supervisor may write in a colleague's task. */
@Component
@Transactional(readOnly = true)
class MessageContactHistory implements ContactHistory {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public long recordsNaming(long personId) {
        return entityManager.createQuery("select count(m) from Message m where m.author.id = :id", Long.class)
                .setParameter("id", personId).getSingleResult();
    }
}
