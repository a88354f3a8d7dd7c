-- Demo data for people and companies ("demo" profile only), on top of R__demo_data.sql: legal details
-- of the demo companies, phones and positions, category descriptions, an archived company and category,
-- a contact who has not accepted the invitation yet and a deactivated employee (neither can sign in).
-- Runs once: it does nothing without the base demo data or when its own people already exist.
do $$
declare
    romashka bigint;
    lyutik bigint;
    boris bigint;
begin
    if not exists (select 1 from person where lower(email) = 'director@easydesk.test')
            or exists (select 1 from person where lower(email) = 'irina@romashka.test') then
        return;
    end if;

    select id into romashka from client where name = 'ООО Ромашка';
    select id into lyutik from client where name = 'ИП Лютик';
    select id into boris from person where lower(email) = 'boris@easydesk.test';

    update client set inn = '7704123450', kpp = '770401001', legal_address = 'г. Москва, ул. Цветочная, д. 1',
                      notes = 'Оплата по счёту до 10-го числа. Бухгалтерия — Ирина.'
     where id = romashka;
    update client set inn = '660812345645', legal_address = 'г. Екатеринбург, ул. Полевая, д. 7'
     where id = lyutik;
    insert into client (name, notes, active) values ('ООО Василёк', 'Договор расторгнут в прошлом году.', false);

    update person set phone = '+7 495 000-00-01', job_title = 'Директор' where lower(email) = 'director@easydesk.test';
    update person set job_title = 'Руководитель поддержки' where lower(email) = 'manager@easydesk.test';
    update person set job_title = 'Инженер' where lower(email) in ('anna@easydesk.test', 'boris@easydesk.test');
    update person set phone = '+7 916 000-00-02', job_title = 'Генеральный директор'
     where lower(email) = 'boss@romashka.test';
    update person set job_title = 'Офис-менеджер' where lower(email) = 'ivan@romashka.test';
    update person set phone = '+7 343 000-00-03', job_title = 'Индивидуальный предприниматель'
     where lower(email) = 'olga@lyutik.test';

    -- Invited by the manager, has not chosen a password yet: "invite again" sends a fresh link.
    insert into person (email, full_name, role, client_id, job_title)
    values ('irina@romashka.test', 'Ирина Бухгалтерова', 'CLIENT_CONTACT', romashka, 'Главный бухгалтер');
    -- Left the company: keeps his history, cannot sign in, offered nowhere as responsible.
    insert into person (email, full_name, role, active, job_title)
    values ('viktor@easydesk.test', 'Виктор Бывший', 'EMPLOYEE', false, 'Инженер');

    update category set description = 'Недоступность сайта, домены, SSL, почта на хостинге.'
     where name = 'Сайт и хостинг';
    update category set description = 'Новые функции и правки существующих.' where name = 'Доработка';
    update category set description = 'Обмен с сайтом, отчёты, обновления конфигурации.'
     where name = '1С и бухгалтерия';
    insert into category (name, description, default_responsible_id, active, position)
    values ('Старые сайты на Joomla', 'Больше не поддерживаем; остаётся на старых задачах.', boris, false, 50);
end
$$;
