-- The notification area's page (issue 5) lists one person's entries newest first, read ones included; the
-- partial index of V600 holds only the unread ones the badge counts.
create index notification_person_created_ix on notification (person_id, created_at desc, id desc);
