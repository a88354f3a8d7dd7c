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
})();
