-- Demo data of the notification area and read receipts (issue 5), for the "demo" profile only; needs the
-- people, tasks and messages of R__demo_data.sql. Anna, Boris, the manager, Ivan and Sergey have unread entries;
-- Ivan and Olga have read Anna's answers, so Anna sees ✓✓ under them.
-- Runs once: it does nothing without the demo accounts or when Anna already has an entry.
do $$
declare
    manager bigint;
    anna bigint;
    boris bigint;
    boss bigint;
    ivan bigint;
    olga bigint;
    site_down bigint;
    invoices bigint;
    feedback bigint;
    prices bigint;
    certificates bigint;
    mailing bigint;
begin
    select id into anna from person where lower(email) = 'anna@easydesk.test';
    if anna is null or exists (select 1 from notification where person_id = anna) then
        return;
    end if;

    select id into manager from person where lower(email) = 'manager@easydesk.test';
    select id into boris from person where lower(email) = 'boris@easydesk.test';
    select id into boss from person where lower(email) = 'boss@romashka.test';
    select id into ivan from person where lower(email) = 'ivan@romashka.test';
    select id into olga from person where lower(email) = 'olga@lyutik.test';
    select id into site_down from task where title = 'Не открывается сайт после переезда на новый хостинг';
    select id into invoices from task where title = 'Выгрузка счетов из 1С на сайт';
    select id into feedback from task where title = 'Добавить форму обратной связи';
    select id into prices from task where title = 'Обновить цены в каталоге';
    select id into certificates from task where title = 'Обновить сертификаты на всех серверах клиентов';
    select id into mailing from task where title = 'Перенести рассылку на следующий месяц';

    -- New tasks: read long ago, except the invoices Anna has not opened and the mailing Sergey has not.
    insert into notification (person_id, task_id, kind, created_at, read_at) values
        (anna, site_down, 'NEW_TASK', now() - interval '2 days', now() - interval '2 days' + interval '10 minutes'),
        (anna, prices, 'NEW_TASK', now() - interval '6 days', now() - interval '6 days' + interval '1 hour'),
        (anna, certificates, 'NEW_TASK', now() - interval '1 day', now() - interval '23 hours'),
        (boris, mailing, 'NEW_TASK', now() - interval '10 days', now() - interval '10 days' + interval '2 hours'),
        (anna, invoices, 'NEW_TASK', now() - interval '1 day', null),
        (boss, mailing, 'NEW_TASK', now() - interval '10 days', null);

    -- Messages: each participant but the author got one; who opened the task since has read it.
    insert into notification (person_id, task_id, message_id, kind, created_at, read_at)
    select p.person_id, m.task_id, m.id, 'NEW_MESSAGE', m.created_at, p.read_at
      from message m
      join (values
            ('Проверяем настройки nginx%', ivan, now() - interval '4 hours 50 minutes'),
            ('Похоже, не перенесли сертификат%', boris, now() - interval '3 hours 40 minutes'),
            ('Спасибо, ждём%', anna, null::timestamptz),
            ('Спасибо, ждём%', boris, null::timestamptz),
            ('Спасибо, ждём%', manager, null::timestamptz),
            ('Пришлите, пожалуйста, адрес%', ivan, null::timestamptz),
            ('Цены обновлены%', olga, now() - interval '1 day 20 hours')
           ) as p(body, person_id, read_at) on m.body like p.body
     where m.task_id in (site_down, feedback, prices);

    -- Read receipts: what Ivan, Boris and Olga had on screen when they opened their tasks.
    insert into message_read (message_id, person_id, read_at)
    select n.message_id, n.person_id, n.read_at from notification n
     where n.kind = 'NEW_MESSAGE' and n.read_at is not null and n.task_id in (site_down, prices)
    on conflict do nothing;
end
$$;
