-- Thumbnails of images, one per stored content however often it is attached. A new image waits as
-- PENDING until the background worker has made its thumbnail (READY, itself stored content) or found
-- it cannot (FAILED: an image Java cannot decode, or too large to decode safely).
create table thumbnail (
    sha256            varchar(64) not null,
    state             varchar(10) not null,
    thumbnail_sha256  varchar(64),
    content_type      varchar(50),
    created_at        timestamptz not null default now(),
    finished_at       timestamptz,
    constraint thumbnail_pk primary key (sha256),
    constraint thumbnail_content_fk foreign key (sha256) references stored_file (sha256),
    constraint thumbnail_image_fk foreign key (thumbnail_sha256) references stored_file (sha256),
    constraint thumbnail_state_ck check (state in ('PENDING', 'READY', 'FAILED')),
    constraint thumbnail_ready_ck check (state <> 'READY' or (thumbnail_sha256 is not null
                                                              and content_type is not null))
);

create index thumbnail_pending_ix on thumbnail (created_at) where state = 'PENDING';
