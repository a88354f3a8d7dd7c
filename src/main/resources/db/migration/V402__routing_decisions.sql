-- Which rule (or fallback) decided who got a task: shown on the task page and kept for history.
create table routing_decision (
    task_id         bigint       not null,
    rule_id         bigint,
    rule_name       varchar(200),
    outcome         varchar(30)  not null,
    responsible_id  bigint,
    decided_at      timestamptz  not null,
    constraint routing_decision_pk primary key (task_id),
    constraint routing_decision_outcome_known check (outcome in ('RULE', 'CATEGORY_DEFAULT', 'UNASSIGNED')),
    constraint routing_decision_task_fk foreign key (task_id) references task (id),
    constraint routing_decision_rule_fk foreign key (rule_id) references routing_rule (id) on delete set null,
    constraint routing_decision_responsible_fk foreign key (responsible_id) references person (id)
);
