package com.easydesk.search;

import java.util.List;
import java.util.Set;

import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.PropertyMappingStep;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.springframework.stereotype.Component;

import com.easydesk.attachment.Attachment;
import com.easydesk.category.Category;
import com.easydesk.client.Client;
import com.easydesk.message.Message;
import com.easydesk.person.Person;
import com.easydesk.task.Task;
import com.easydesk.task.TaskStatus;

/**
 * What the index holds, mapped here rather than with annotations so that the entities stay their
 * features' own. Tasks, messages and files are separate documents; a message or file names its task by
 * id only, and a task its client, contact, status, category and responsible by id only, so a change of
 * those entities themselves (a renamed status) never needs reindexing.
 */
@Component("searchMapping")
class SearchMapping implements HibernateOrmSearchMappingConfigurer {

    /** Raise it when fields or analyzers change: the index is then rebuilt at the next start. */
    static final int VERSION = 2;

    static final String ID = "id";
    static final String NUMBER = "number";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String BODY = "body";
    static final String FILE_NAME = "fileName";
    static final String INTERNAL = "internal";
    static final String TASK_ID = "taskId";
    static final String MESSAGE_ID = "messageId";
    static final String LAST_ACTIVITY = "lastActivityAt";
    /** The task of a message, as its embedded id. */
    static final String TASK = "task.id";
    /** The unstemmed twin of a text field: ranks exact forms higher and gives the highlighted snippet. */
    static final String EXACT_SUFFIX = "_exact";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();

        // The id of an entity another document names, as the field "<association>.id" of that document. Doc
        // values (sortable) are what the ranking reads (IndexScan); the task's own id is its field "id".
        for (Class<?> named : List.of(Task.class, Client.class, Person.class, TaskStatus.class, Category.class)) {
            mapping.type(named).property("id").genericField(ID).projectable(Projectable.YES).sortable(Sortable.YES);
        }

        TypeMappingStep task = mapping.type(Task.class);
        task.indexed().index("task");
        task.property("id").documentId();
        task.property("number").genericField(NUMBER).projectable(Projectable.YES).sortable(Sortable.YES);
        text(task.property("title"), TITLE);
        text(task.property("description"), DESCRIPTION);
        task.property("internal").genericField(INTERNAL).sortable(Sortable.YES);
        task.property("lastActivityAt").genericField(LAST_ACTIVITY).projectable(Projectable.YES)
                .sortable(Sortable.YES);
        for (String association : new String[] {"client", "contact", "status", "category", "responsible"}) {
            idOnly(task.property(association));
        }

        TypeMappingStep message = mapping.type(Message.class);
        message.indexed().index("message");
        message.property("id").documentId().genericField(ID).sortable(Sortable.YES);
        text(message.property("body"), BODY);
        message.property("internal").genericField(INTERNAL).projectable(Projectable.YES).sortable(Sortable.YES);
        idOnly(message.property("task"));

        TypeMappingStep attachment = mapping.type(Attachment.class);
        attachment.indexed().index("attachment");
        attachment.property("id").documentId();
        text(attachment.property("fileName"), FILE_NAME);
        attachment.property("taskId").genericField(TASK_ID).projectable(Projectable.YES);
        attachment.property("messageId").genericField(MESSAGE_ID).projectable(Projectable.YES);
    }

    private static void text(PropertyMappingStep property, String field) {
        property.fullTextField(field).analyzer(SearchAnalysis.RUSSIAN)
                .fullTextField(field + EXACT_SUFFIX).analyzer(SearchAnalysis.EXACT)
                .projectable(Projectable.YES).highlightable(Set.of(Highlightable.PLAIN));
    }

    /** Only the associated entity's id, as "association.id"; changing the association itself reindexes. */
    private static void idOnly(PropertyMappingStep property) {
        property.indexedEmbedded().includePaths(ID)
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
    }
}
