-- Demo data for the "demo" profile only: two client companies, five kinds of accounts (password "demo"),
-- categories with default responsibles, and tasks in every status with deadlines around today.
-- Runs once: it does nothing when the director account already exists.
do $$
declare
    demo_hash constant text := '{bcrypt}$2a$10$qclD3YKyOFoWmvDHQ1N0tOAVT5YwtjOVQ1z83W2tOwolgv2kdRqo6';
    romashka bigint;
    lyutik bigint;
    director bigint;
    manager bigint;
    anna bigint;
    boris bigint;
    boss bigint;
    ivan bigint;
    olga bigint;
    site bigint;
    dev bigint;
    onec bigint;
    other bigint;
    t bigint;
begin
    if exists (select 1 from person where lower(email) = 'director@easydesk.test') then
        return;
    end if;

    insert into client (name) values ('ООО Ромашка') returning id into romashka;
    insert into client (name, time_zone) values ('ИП Лютик', 'Asia/Yekaterinburg') returning id into lyutik;

    insert into person (email, password_hash, full_name, role) values
        ('director@easydesk.test', demo_hash, 'Дмитрий Директоров', 'DIRECTOR') returning id into director;
    insert into person (email, password_hash, full_name, role) values
        ('manager@easydesk.test', demo_hash, 'Мария Менеджерова', 'MANAGER') returning id into manager;
    insert into person (email, password_hash, full_name, role) values
        ('anna@easydesk.test', demo_hash, 'Анна Смирнова', 'EMPLOYEE') returning id into anna;
    insert into person (email, password_hash, full_name, role, time_zone) values
        ('boris@easydesk.test', demo_hash, 'Борис Кузнецов', 'EMPLOYEE', 'Asia/Novosibirsk') returning id into boris;
    insert into person (email, password_hash, full_name, role, supervisor, client_id) values
        ('boss@romashka.test', demo_hash, 'Сергей Ромашкин', 'CLIENT_CONTACT', true, romashka) returning id into boss;
    insert into person (email, password_hash, full_name, role, client_id) values
        ('ivan@romashka.test', demo_hash, 'Иван Петров', 'CLIENT_CONTACT', romashka) returning id into ivan;
    insert into person (email, password_hash, full_name, role, client_id, time_zone) values
        ('olga@lyutik.test', demo_hash, 'Ольга Лютикова', 'CLIENT_CONTACT', lyutik, 'Asia/Yekaterinburg')
        returning id into olga;

    insert into category (name, default_responsible_id, position) values ('Сайт и хостинг', anna, 10)
        returning id into site;
    insert into category (name, default_responsible_id, position) values ('Доработка', boris, 20)
        returning id into dev;
    insert into category (name, default_responsible_id, position) values ('1С и бухгалтерия', anna, 30)
        returning id into onec;
    insert into category (name, default_responsible_id, position) values ('Прочее', boris, 40)
        returning id into other;

    insert into task (title, description, category_id, status_id, priority, client_id, contact_id, responsible_id,
                      author_id, deadline, created_at, last_activity_at)
    values ('Не открывается сайт после переезда на новый хостинг',
            'С утра сайт отдаёт ошибку 502. Вчера вечером переносили на новый сервер.',
            site, (select id from task_status where code = 'in_progress'), 'CRITICAL', romashka, ivan, anna, ivan,
            now() - interval '1 day', now() - interval '2 days', now() - interval '3 hours')
    returning id into t;
    insert into message (task_id, author_id, body, internal, created_at) values
        (t, anna, 'Проверяем настройки nginx на новом сервере, вернёмся с ответом в течение часа.', false,
         now() - interval '5 hours'),
        (t, anna, 'Похоже, не перенесли сертификат. Борис, глянь конфиг, пожалуйста.', true,
         now() - interval '4 hours'),
        (t, ivan, 'Спасибо, ждём. Клиенты звонят.', false, now() - interval '3 hours');

    insert into task (title, description, category_id, status_id, priority, client_id, contact_id, responsible_id,
                      author_id, deadline, created_at, last_activity_at)
    values ('Выгрузка счетов из 1С на сайт',
            'Нужно настроить ежедневную выгрузку счетов из 1С в личный кабинет на сайте.',
            onec, (select id from task_status where code = 'new'), 'HIGH', romashka, boss, anna, boss,
            date_trunc('day', now()) + interval '20 hours', now() - interval '1 day', now() - interval '1 day');

    insert into task (title, description, category_id, status_id, priority, client_id, contact_id, responsible_id,
                      author_id, deadline, created_at, last_activity_at)
    values ('Добавить форму обратной связи', 'На странице «Контакты» нужна форма с отправкой на почту.',
            dev, (select id from task_status where code = 'waiting'), 'NORMAL', romashka, ivan, boris, ivan,
            now() + interval '5 days', now() - interval '3 days', now() - interval '1 day')
    returning id into t;
    insert into message (task_id, author_id, body, internal, created_at) values
        (t, boris, 'Пришлите, пожалуйста, адрес, на который должны приходить письма с формы.', false,
         now() - interval '1 day');

    insert into task (title, description, category_id, status_id, priority, client_id, contact_id, responsible_id,
                      author_id, deadline, created_at, last_activity_at)
    values ('Обновить цены в каталоге', 'Новый прайс во вложении к письму, обновить до конца недели.',
            site, (select id from task_status where code = 'resolved'), 'NORMAL', lyutik, olga, anna, olga,
            now() + interval '2 days', now() - interval '6 days', now() - interval '2 days')
    returning id into t;
    insert into message (task_id, author_id, body, internal, created_at) values
        (t, anna, 'Цены обновлены, проверьте, пожалуйста.', false, now() - interval '2 days');

    insert into task (title, description, category_id, status_id, priority, client_id, contact_id, responsible_id,
                      author_id, deadline, created_at, last_activity_at)
    values ('Настроить резервное копирование почты', 'Еженедельная копия почтовых ящиков на внешний диск.',
            other, (select id from task_status where code = 'closed'), 'LOW', lyutik, olga, boris, olga,
            now() - interval '20 days', now() - interval '30 days', now() - interval '19 days');

    insert into task (title, description, category_id, status_id, priority, client_id, contact_id, responsible_id,
                      author_id, deadline, created_at, last_activity_at)
    values ('Перенести рассылку на следующий месяц', 'Клиент попросил отложить до согласования бюджета.',
            other, (select id from task_status where code = 'deferred'), 'LOW', romashka, boss, boris, manager,
            now() + interval '30 days', now() - interval '10 days', now() - interval '8 days');

    insert into task (title, description, category_id, status_id, priority, responsible_id, author_id, internal,
                      deadline, created_at, last_activity_at)
    values ('Обновить сертификаты на всех серверах клиентов',
            'Внутренняя задача: у трёх клиентов сертификаты истекают в этом месяце.',
            site, (select id from task_status where code = 'in_progress'), 'HIGH', anna, manager, true,
            now() + interval '3 days', now() - interval '1 day', now() - interval '1 day');

    insert into task (title, description, category_id, status_id, priority, client_id, contact_id, responsible_id,
                      author_id, created_at, last_activity_at)
    values ('Сменить пароль администратора сайта', 'Бывший сотрудник знал пароль, нужно сменить.',
            site, (select id from task_status where code = 'closed'), 'HIGH', romashka, ivan, anna, ivan,
            now() - interval '40 days', now() - interval '35 days');
end
$$;
