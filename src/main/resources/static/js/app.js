// EasyDesk's page behaviour. Kept in a file (no inline script) so the Content-Security-Policy can forbid
// inline scripts entirely.
(function () {
    'use strict';

    // htmx requests carry the CSRF token in a header, like forms carry it in a hidden field.
    document.addEventListener('htmx:configRequest', function (event) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // An edit conflict on the task page answers with the side panel as it is now: show it instead of an error.
    document.addEventListener('htmx:beforeSwap', function (event) {
        var xhr = event.detail.xhr;
        if (xhr.status === 409 && xhr.getResponseHeader('HX-Retarget')) {
            event.detail.shouldSwap = true;
            event.detail.isError = false;
        }
    });

    // Controls marked data-autosubmit save as soon as they change (the task page's side panel). They may sit
    // outside their form (the form attribute), so the form is found through the control.
    document.addEventListener('change', function (event) {
        var control = event.target;
        if (control.hasAttribute && control.hasAttribute('data-autosubmit') && control.form) {
            control.form.requestSubmit();
        }
    });

    // A failed htmx call shows a message instead of failing silently. The header's bell is the exception: it
    // asks again by itself, and a toast every few seconds while the server restarts would help nobody.
    document.addEventListener('htmx:responseError', function (event) {
        if (isBell(event.detail.elt)) {
            return;
        }
        var status = event.detail.xhr.status;
        var upload = event.detail.elt.querySelector && event.detail.elt.querySelector('[data-rejected]');
        if (status === 413 && upload) {
            showError(upload.dataset.rejected);
            return;
        }
        var key = status === 409 ? 'errorConflict' : 'errorGeneric';
        showError(document.body.dataset[key]);
    });
    document.addEventListener('htmx:sendError', function (event) {
        if (!isBell(event.detail.elt)) {
            showError(document.body.dataset.errorGeneric);
        }
    });

    // The bell polls only while its tab is in view, and asks at once when the tab comes back.
    function isBell(element) {
        return element && element.id === 'nav-notifications';
    }
    document.addEventListener('htmx:beforeRequest', function (event) {
        if (isBell(event.detail.elt) && document.hidden) {
            event.preventDefault();
        }
    });
    document.addEventListener('visibilitychange', function () {
        var bell = document.getElementById('nav-notifications');
        if (!document.hidden && bell && window.htmx) {
            window.htmx.trigger(bell, 'notifications-refresh');
        }
    });

    function showError(text) {
        var toast = document.getElementById('htmx-error');
        if (!toast || !window.bootstrap) {
            window.alert(text);
            return;
        }
        toast.querySelector('.toast-body').textContent = text;
        window.bootstrap.Toast.getOrCreateInstance(toast).show();
    }

    // A plain form marked data-submit-once cannot be sent twice by a double click; the server also
    // ignores a repeated submission key, this only spares the second request.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!form.hasAttribute('data-submit-once') || form.hasAttribute('hx-post')) {
            return;
        }
        if (form.dataset.submitted === 'true') {
            event.preventDefault();
            return;
        }
        form.dataset.submitted = 'true';
        form.querySelectorAll('button[type=submit]').forEach(function (button) {
            button.disabled = true;
        });
    });

    // Files. A thumbnail still being made is asked for again a few times; one that cannot be shown gives
    // way to the file's icon, so a broken image never breaks the page.
    document.addEventListener('error', function (event) {
        var image = event.target;
        if (!(image instanceof HTMLImageElement) || !image.classList.contains('file-thumb')) {
            return;
        }
        var tries = Number(image.dataset.tries || 0);
        if (image.dataset.pending === 'true' && tries < 8) {
            image.dataset.tries = String(tries + 1);
            window.setTimeout(function () {
                image.src = image.src.replace(/\?.*$/, '') + '?try=' + (tries + 1);
            }, 500 * (tries + 1));
            return;
        }
        var chip = image.closest('.file-chip');
        if (chip) {
            chip.classList.remove('file-chip-image');
        }
        image.remove();
    }, true);

    // File fields: the chosen files are listed with their sizes, can be removed before sending, can be
    // dropped onto the form, are checked against the size limit before anything is sent, and show a
    // progress bar each while the form uploads. The field itself always holds exactly the listed files, so
    // the form still posts as a plain multipart form.
    var uploads = new WeakMap();

    function enhanceUploads(root) {
        root.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
            if (uploads.has(input)) {
                return;
            }
            var state = { input: input, field: input.closest('.upload') || input.parentNode, files: [], items: [],
                units: input.dataset.sizeUnits.split(';') };
            uploads.set(input, state);
            input.addEventListener('change', function () {
                if (state.uploading) {
                    sync(state);
                } else {
                    add(state, Array.prototype.slice.call(input.files));
                }
            });
            watchDrops(state, input.form || state.field);
        });
    }

    function uploadOf(form) {
        var input = form && form.querySelector && form.querySelector('input[type=file][data-max-bytes]');
        return input ? uploads.get(input) : null;
    }

    function add(state, picked) {
        var input = state.input;
        var errors = [];
        var total = sum(state.files);
        picked.forEach(function (file) {
            var known = state.files.some(function (other) {
                return other.name === file.name && other.size === file.size
                    && other.lastModified === file.lastModified;
            });
            if (known) {
                return;
            }
            if (file.size > Number(input.dataset.maxBytes)) {
                errors.push(input.dataset.tooLarge.replace('%NAME%', file.name));
            } else if (total + file.size > Number(input.dataset.maxRequestBytes)) {
                errors.push(input.dataset.totalTooLarge);
            } else {
                state.files.push(file);
                total += file.size;
            }
        });
        fieldError(state, errors.filter(function (text, index) {
            return errors.indexOf(text) === index;
        }).join(' '));
        sync(state);
    }

    function sync(state) {
        var transfer = new DataTransfer();
        state.files.forEach(function (file) {
            transfer.items.add(file);
        });
        state.input.files = transfer.files;
        render(state);
    }

    function render(state) {
        var list = state.field.querySelector('.upload-list');
        list.textContent = '';
        state.items = state.files.map(function (file, index) {
            var item = element('li', 'upload-item');
            var name = element('span', 'upload-name', file.name);
            name.title = file.name;
            var remove = element('button', 'btn-close upload-remove');
            remove.type = 'button';
            remove.title = state.input.dataset.remove;
            remove.setAttribute('aria-label', state.input.dataset.remove + ': ' + file.name);
            remove.addEventListener('click', function () {
                state.files.splice(index, 1);
                fieldError(state, '');
                sync(state);
            });
            var progress = element('div', 'progress');
            progress.setAttribute('role', 'progressbar');
            progress.setAttribute('aria-label', file.name);
            progress.setAttribute('aria-valuemin', '0');
            progress.setAttribute('aria-valuemax', '100');
            progress.hidden = true;
            var bar = element('div', 'progress-bar');
            progress.appendChild(bar);
            item.append(name, element('span', 'upload-size', formatSize(file.size, state.units)), remove, progress);
            list.appendChild(item);
            return { progress: progress, bar: bar, remove: remove };
        });
    }

    function startProgress(state) {
        state.uploading = true;
        var offsets = [];
        var all = 0;
        state.files.forEach(function (file) {
            offsets.push(all);
            all += file.size;
        });
        state.items.forEach(function (item) {
            item.progress.hidden = false;
            item.remove.disabled = true;
        });
        return function (loaded, total) {
            // Files go out one after another in the order listed; the few bytes of the text fields are
            // spread over them.
            var sent = total > 0 ? loaded / total * all : 0;
            state.files.forEach(function (file, index) {
                var done = file.size === 0 ? (loaded > 0 ? 1 : 0) : (sent - offsets[index]) / file.size;
                setProgress(state.items[index], Math.min(1, Math.max(0, done)));
            });
        };
    }

    function stopProgress(state, text) {
        state.uploading = false;
        state.items.forEach(function (item) {
            item.progress.hidden = true;
            item.remove.disabled = false;
            setProgress(item, 0);
        });
        fieldError(state, text);
    }

    function setProgress(item, done) {
        var percent = Math.round(done * 100);
        item.bar.style.width = percent + '%';
        item.progress.setAttribute('aria-valuenow', String(percent));
    }

    function fieldError(state, text) {
        state.field.querySelector('.upload-error').textContent = text || '';
    }

    function watchDrops(state, zone) {
        var depth = 0;
        zone.addEventListener('dragenter', function (event) {
            if (carriesFiles(event)) {
                event.preventDefault();
                depth++;
                zone.classList.add('dropping');
            }
        });
        zone.addEventListener('dragover', function (event) {
            if (carriesFiles(event)) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'copy';
            }
        });
        zone.addEventListener('dragleave', function (event) {
            if (carriesFiles(event) && --depth <= 0) {
                depth = 0;
                zone.classList.remove('dropping');
            }
        });
        zone.addEventListener('drop', function (event) {
            if (!carriesFiles(event)) {
                return;
            }
            event.preventDefault();
            depth = 0;
            zone.classList.remove('dropping');
            if (!state.uploading) {
                add(state, Array.prototype.slice.call(event.dataTransfer.files));
            }
        });
    }

    function carriesFiles(event) {
        return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0;
    }

    // A file dropped next to the form would make the browser leave the page and lose what was typed.
    ['dragover', 'drop'].forEach(function (type) {
        document.addEventListener(type, function (event) {
            if (carriesFiles(event) && document.querySelector('input[type=file][data-max-bytes]')) {
                event.preventDefault();
            }
        });
    });

    // The reply form posts through htmx: its request gets the progress bars.
    document.addEventListener('htmx:beforeSend', function (event) {
        var state = uploadOf(event.detail.elt);
        if (!state || !state.files.length) {
            return;
        }
        var update = startProgress(state);
        event.detail.xhr.upload.addEventListener('progress', function (progress) {
            if (progress.lengthComputable) {
                update(progress.loaded, progress.total);
            }
        });
    });
    document.addEventListener('htmx:afterRequest', function (event) {
        var state = uploadOf(event.detail.elt);
        if (state && state.uploading && !event.detail.successful) {
            var status = event.detail.xhr.status;
            stopProgress(state, status === 413 ? state.input.dataset.rejected : state.input.dataset.failed);
        }
    });

    // A plain form with files (the new task) is sent by XMLHttpRequest for the progress bars. The server
    // answers as it would the browser: a redirect to the new task, or the form again with errors, which
    // replaces this one while the chosen files stay chosen.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var state = uploadOf(form);
        if (form.hasAttribute('hx-post') || !state || !state.files.length) {
            return;
        }
        event.preventDefault();
        if (!state.uploading) {
            sendWithProgress(form, state);
        }
    }, true);

    function sendWithProgress(form, state) {
        var xhr = new XMLHttpRequest();
        var update = startProgress(state);
        xhr.open('POST', form.action);
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header) {
            // In a header the token is checked before the body is read, so an oversized file still gets 413.
            xhr.setRequestHeader(header.content, token.content);
        }
        xhr.upload.addEventListener('progress', function (progress) {
            if (progress.lengthComputable) {
                update(progress.loaded, progress.total);
            }
        });
        xhr.addEventListener('load', function () {
            if (xhr.status >= 400) {
                failed(form, state, xhr.status === 413 ? state.input.dataset.rejected : state.input.dataset.failed);
                return;
            }
            var landed = new URL(xhr.responseURL, window.location.href);
            if (landed.pathname !== new URL(form.action, window.location.href).pathname) {
                window.location.assign(landed.href);
                return;
            }
            showReturnedForm(form, state, xhr.responseText);
        });
        xhr.addEventListener('error', function () {
            failed(form, state, state.input.dataset.failed);
        });
        xhr.send(new FormData(form));
    }

    function showReturnedForm(form, state, html) {
        var returned = new DOMParser().parseFromString(html, 'text/html').getElementById(form.id);
        if (!returned) {
            failed(form, state, state.input.dataset.failed);
            return;
        }
        form.replaceWith(returned);
        enhanceUploads(returned);
        var fresh = uploadOf(returned);
        if (fresh) {
            fresh.files = state.files;
            sync(fresh);
            returned.querySelectorAll('[data-reselect-hint]').forEach(function (hint) {
                hint.remove();
            });
        }
    }

    function failed(form, state, text) {
        stopProgress(state, text);
        delete form.dataset.submitted;
        form.querySelectorAll('button[type=submit]').forEach(function (button) {
            button.disabled = false;
        });
    }

    function element(tag, className, text) {
        var node = document.createElement(tag);
        node.className = className;
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    function sum(files) {
        return files.reduce(function (total, file) {
            return total + file.size;
        }, 0);
    }

    // Sizes read as the server writes them («7,3 КБ»): the unit patterns come from the page.
    function formatSize(bytes, units) {
        var unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        var digits = unit === 0 ? 0 : 1;
        var number = new Intl.NumberFormat(document.documentElement.lang || undefined, {
            minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false
        }).format(bytes);
        return units[unit].replace('%N%', number);
    }

    enhanceUploads(document);
    document.addEventListener('htmx:load', function (event) {
        enhanceUploads(event.detail.elt);
    });

    // The header search's dropdown closes on Escape and when a click lands elsewhere.
    function closeSearchResults() {
        var results = document.getElementById('header-search-results');
        if (results) {
            results.replaceChildren();
        }
    }
    document.addEventListener('keydown', function (event) {
        var field = document.getElementById('header-search');
        var inSearch = event.target === field || event.target.closest('#header-search-results');
        if (!inSearch) {
            return;
        }
        if (event.key === 'Escape') {
            closeSearchResults();
            field.focus();
            return;
        }
        // Arrow keys walk from the field through the results and back.
        if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
            return;
        }
        var links = Array.prototype.slice.call(document.querySelectorAll('#header-search-results a'));
        if (links.length === 0) {
            return;
        }
        event.preventDefault();
        var at = links.indexOf(event.target);
        var next = event.key === 'ArrowDown' ? at + 1 : at - 1;
        if (next < 0) {
            field.focus();
        } else if (next < links.length) {
            links[next].focus();
        }
    });
    document.addEventListener('click', function (event) {
        if (!event.target.closest('.header-search')) {
            closeSearchResults();
        }
    });
    // Filter menus (<details data-keep-open>, the staff list's statuses): each tick reloads the list around
    // the menu, which stays open, with the focus where it was, until a click elsewhere or Escape closes it.
    // The history snapshot is taken with the menus closed, so that going back shows a calm page.
    var reopen = { menus: [], focused: null };
    document.addEventListener('htmx:beforeSwap', function () {
        reopen.menus = Array.prototype.map.call(document.querySelectorAll('details[data-keep-open][open]'),
            function (menu) { return menu.id; });
        reopen.focused = document.activeElement && document.activeElement.id;
    });
    document.addEventListener('htmx:beforeHistorySave', function (event) {
        event.detail.historyElt.querySelectorAll('details[data-keep-open][open]').forEach(function (menu) {
            menu.removeAttribute('open');
        });
    });
    document.addEventListener('htmx:afterSettle', function () {
        reopen.menus.forEach(function (id) {
            var menu = document.getElementById(id);
            if (menu) {
                menu.open = true;
            }
        });
        var focused = reopen.focused && document.getElementById(reopen.focused);
        if (focused && reopen.menus.length) {
            focused.focus();
        }
        reopen.menus = [];
        reopen.focused = null;
    });
    function closeMenus(except) {
        document.querySelectorAll('details[data-keep-open][open]').forEach(function (menu) {
            if (menu !== except) {
                menu.open = false;
            }
        });
    }
    document.addEventListener('click', function (event) {
        closeMenus(event.target.closest && event.target.closest('details[data-keep-open]'));
    });
    document.addEventListener('keydown', function (event) {
        var menu = event.target.closest && event.target.closest('details[data-keep-open][open]');
        if (event.key === 'Escape' && menu) {
            menu.open = false;
            menu.querySelector('summary').focus();
        }
    });
    // A select marked data-options holds only its current choice until it is used; the other choices come
    // from one <template> on the page (the staff list: every row's responsible), so that a page of rows does
    // not carry the whole staff in each of them. The current choice keeps its place and stays selected.
    function fillChoices(select) {
        var template = document.getElementById(select.dataset.options);
        if (select.dataset.filled === 'true' || !template) {
            return;
        }
        select.dataset.filled = 'true';
        var current = select.value;
        var choices = Array.prototype.map.call(template.content.querySelectorAll('option'), function (option) {
            return option.cloneNode(true);
        });
        var offered = choices.map(function (option) { return option.value; });
        var own = Array.prototype.filter.call(select.options, function (option) {
            return offered.indexOf(option.value) < 0;
        });
        select.replaceChildren.apply(select, own.concat(choices));
        select.value = current;
    }
    ['mousedown', 'touchstart', 'focusin', 'keydown'].forEach(function (type) {
        document.addEventListener(type, function (event) {
            var select = event.target.closest && event.target.closest('select[data-options]');
            if (select) {
                fillChoices(select);
            }
        }, true);
    });
})();
