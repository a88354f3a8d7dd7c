-- Demo routing rules (demo profile only): night-time tasks go round-robin between the two employees,
-- and «ООО Ромашка»'s 1С questions always go to Anna with high priority. Inserts once.
do $$
declare
    anna bigint := (select id from person where lower(email) = 'anna@easydesk.test');
    boris bigint := (select id from person where lower(email) = 'boris@easydesk.test');
    manager bigint := (select id from person where lower(email) = 'manager@easydesk.test');
    romashka bigint := (select id from client where name = 'ООО Ромашка');
    onec bigint := (select id from category where name = '1С и бухгалтерия');
    rule bigint;
begin
    if anna is null or exists (select 1 from routing_rule) then
        return;
    end if;

    insert into routing_rule (name, position, action, priority, observer_id)
    values ('Ромашка: 1С — Анне, срочно', 10, 'ASSIGN', 'HIGH', manager) returning id into rule;
    insert into routing_rule_client (rule_id, client_id) values (rule, romashka);
    insert into routing_rule_category (rule_id, category_id) values (rule, onec);
    insert into routing_rule_employee (rule_id, person_id) values (rule, anna);

    insert into routing_rule (name, position, time_condition, weekdays, window_start, window_end, action)
    values ('Ночные заявки — по очереди', 20, 'WINDOW', 127, '20:00', '08:00', 'ROUND_ROBIN') returning id into rule;
    insert into routing_rule_employee (rule_id, person_id) values (rule, anna), (rule, boris);
end
$$;
