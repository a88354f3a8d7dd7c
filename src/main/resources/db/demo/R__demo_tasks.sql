-- Demo data of the task model (issue 4), for the "demo" profile only; runs after R__demo_data.sql. Adds a
-- client watcher, co-executors and observers, a whole-day deadline, a start date, history entries, a task
-- created from a message (links both ways), checklist templates and checklists (one visible to the client).
-- Runs once: it does nothing without the demo accounts or when its first template already exists.
do $$
declare
    demo_hash constant text := '{bcrypt}$2a$10$qclD3YKyOFoWmvDHQ1N0tOAVT5YwtjOVQ1z83W2tOwolgv2kdRqo6';
    romashka bigint;
    manager bigint;
    anna bigint;
    boris bigint;
    petr bigint;
    site_down bigint;
    invoices bigint;
    feedback bigint;
    deferred bigint;
    certificates bigint;
    source_message bigint;
    moving bigint;
    onboarding bigint;
begin
    if not exists (select 1 from person where lower(email) = 'manager@easydesk.test')
            or exists (select 1 from checklist_template where name = 'Переезд сайта на новый хостинг') then
        return;
    end if;

    select id into manager from person where lower(email) = 'manager@easydesk.test';
    select id into anna from person where lower(email) = 'anna@easydesk.test';
    select id into boris from person where lower(email) = 'boris@easydesk.test';
    select id into romashka from client where name = 'ООО Ромашка';
    select id into site_down from task where title = 'Не открывается сайт после переезда на новый хостинг';
    select id into invoices from task where title = 'Выгрузка счетов из 1С на сайт';
    select id into feedback from task where title = 'Добавить форму обратной связи';
    select id into deferred from task where title = 'Перенести рассылку на следующий месяц';
    select id into certificates from task where title = 'Обновить сертификаты на всех серверах клиентов';

    -- A colleague of Ivan's who watches his task about the feedback form.
    insert into person (email, password_hash, full_name, role, client_id) values
        ('petr@romashka.test', demo_hash, 'Пётр Сидоров', 'CLIENT_CONTACT', romashka) returning id into petr;
    insert into task_watcher (task_id, person_id) values (feedback, petr);

    -- The site outage: Boris helps, the manager watches; the history says how it got there.
    update task set co_executor_id = boris where id = site_down;
    insert into task_observer (task_id, person_id) values (site_down, manager), (certificates, manager);
    insert into task_change (task_id, actor_id, changed_at, field, old_value, new_value, client_visible) values
        (site_down, anna, now() - interval '6 hours', 'STATUS', 'Новая', 'В работе', true),
        (site_down, manager, now() - interval '5 hours 30 minutes', 'PRIORITY', 'HIGH', 'CRITICAL', true),
        (site_down, manager, now() - interval '5 hours 30 minutes', 'CO_EXECUTOR', null, 'Борис Кузнецов', true),
        (site_down, manager, now() - interval '5 hours 29 minutes', 'OBSERVER', null, 'Мария Менеджерова', false),
        (feedback, boris, now() - interval '1 day', 'STATUS', 'В работе', 'Ждёт ответа клиента', true),
        (feedback, boris, now() - interval '1 day', 'WATCHER', null, 'Пётр Сидоров', true);

    -- A whole-day deadline (the end of today for the provider) and a start date in the future.
    update task set deadline = date_trunc('day', now() at time zone 'Europe/Moscow') at time zone 'Europe/Moscow'
                               + interval '23 hours 59 minutes 59 seconds',
                    deadline_has_time = false
     where id = invoices;
    update task set start_date = (now() + interval '20 days')::date where id = deferred;

    -- The internal certificates task was made from Anna's internal note in the outage task.
    select id into source_message from message
     where task_id = site_down and body like 'Похоже, не перенесли сертификат%';
    update task set source_message_id = source_message where id = certificates;

    insert into checklist_template (name) values ('Переезд сайта на новый хостинг') returning id into moving;
    insert into checklist_template_item (template_id, text, position) values
        (moving, 'Снять резервную копию сайта и базы', 10),
        (moving, 'Перенести файлы и базу на новый сервер', 20),
        (moving, 'Перенести SSL-сертификат', 30),
        (moving, 'Переключить DNS', 40),
        (moving, 'Проверить сайт и формы', 50);
    insert into checklist_template (name) values ('Подключение сотрудника клиента') returning id into onboarding;
    insert into checklist_template_item (template_id, text, position) values
        (onboarding, 'Создать почтовый ящик', 10),
        (onboarding, 'Выдать доступы к 1С', 20),
        (onboarding, 'Настроить рабочее место', 30);

    insert into checklist (task_id, client_visible) values (site_down, true);
    insert into checklist_item (task_id, text, position, done, done_by_id, done_at) values
        (site_down, 'Снять резервную копию сайта и базы', 10, true, anna, now() - interval '5 hours'),
        (site_down, 'Перенести файлы и базу на новый сервер', 20, true, anna, now() - interval '4 hours 30 minutes'),
        (site_down, 'Перенести SSL-сертификат', 30, false, null, null),
        (site_down, 'Переключить DNS', 40, false, null, null),
        (site_down, 'Проверить сайт и формы', 50, false, null, null);
    insert into checklist_item (task_id, text, position) values
        (certificates, 'ООО Ромашка', 10),
        (certificates, 'ИП Лютик', 20),
        (certificates, 'Собственный сайт', 30);
end
$$;
