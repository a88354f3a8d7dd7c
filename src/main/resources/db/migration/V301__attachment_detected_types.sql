-- Content types used to be what the browser claimed at upload; now they are detected from the bytes and
-- decide what is shown inline. Types recorded before cannot be trusted for that, so those files are
-- offered for download only.
update attachment set content_type = 'application/octet-stream';
