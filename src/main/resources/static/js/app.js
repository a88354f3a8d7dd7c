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

    // A failed htmx call shows a message instead of failing silently.
    document.addEventListener('htmx:responseError', function (event) {
        var status = event.detail.xhr.status;
        var key = status === 409 ? 'errorConflict' : 'errorGeneric';
        showError(document.body.dataset[key]);
    });
    document.addEventListener('htmx:sendError', function () {
        showError(document.body.dataset.errorGeneric);
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
})();
