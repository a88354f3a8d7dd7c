-- Statuses are managed by a manager: renamed, recoloured, reordered, added and retired. Colours come
-- from the interface's palette; a name is never empty.
alter table task_status add constraint task_status_color_known
    check (color in ('primary', 'secondary', 'success', 'danger', 'warning', 'info', 'light', 'dark'));
alter table task_status add constraint task_status_name_not_blank check (length(trim(name)) > 0);
