package com.easydesk.message;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.easydesk.person.Person;

/** A read receipt: this person had this message on screen first at {@code readAt}. Written by SQL only. */
@Entity
@Table(name = "message_read")
class MessageRead {

    @EmbeddedId
    private Key id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", insertable = false, updatable = false)
    private Person reader;

    @Column(name = "read_at")
    private Instant readAt;

    protected MessageRead() {
    }

    long messageId() {
        return id.messageId;
    }

    Person reader() {
        return reader;
    }

    Instant readAt() {
        return readAt;
    }

    @Embeddable
    static class Key implements Serializable {

        @Column(name = "message_id")
        private long messageId;

        @Column(name = "person_id")
        private long personId;

        protected Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.messageId == messageId && key.personId == personId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(messageId) * 31 + Long.hashCode(personId);
        }
    }
}
