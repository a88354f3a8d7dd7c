-- Threading of notification mail (docs/mail.md). Each mail keeps the Message-ID it was given when it was
-- queued, so a retry after a crash repeats the same id and the recipient's mail server can tell it is the
-- same mail. Mail about one task names the task's thread root in In-Reply-To and References, so mail
-- clients group the task's mails into one conversation. Both are null for mail queued before this change;
-- the thread is null for mail that belongs to no conversation (invitations, password links).
alter table outbox_mail add column message_id_header varchar(250);
alter table outbox_mail add column thread_reference varchar(250);
