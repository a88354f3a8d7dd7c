package com.easydesk.checklist;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One step of a checklist template. */
@Entity
@Table(name = "checklist_template_item")
class ChecklistTemplateItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id")
    private ChecklistTemplate template;

    private String text;

    private int position;

    protected ChecklistTemplateItem() {
    }

    ChecklistTemplateItem(ChecklistTemplate template, String text, int position) {
        if (text.strip().length() > ChecklistItem.MAX_TEXT) {
            throw new IllegalArgumentException("A step has at most " + ChecklistItem.MAX_TEXT + " characters");
        }
        this.template = template;
        this.text = text.strip();
        this.position = position;
    }

    String getText() {
        return text;
    }
}
