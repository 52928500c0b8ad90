// Enhancements of the entry form (/thi-sinh/cong-trinh/…). The form works without this script: the
// "Thêm tác giả" and "Xóa" buttons post the whole form to the server, which re-renders it. With the
// script, the same happens in the page without a round trip, and the form also gets:
//   - a live total of the authors' shares (the server checks it again on submission),
//   - character counters on fields with data-counter="max" (counted as the server counts: a line break
//     is sent as CR LF, two characters),
//   - focus on the error summary after a refused save, and on a newly added author row,
//   - a warning before leaving with unsaved changes, and no double submission on a slow connection.
(function () {
    'use strict';

    var form = document.getElementById('entry-form');
    if (!form) {
        return;
    }
    var numberFormat = typeof Intl === 'object'
        ? new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })
        : { format: function (n) { return String(n); } };

    // ---- Authors table -------------------------------------------------------------------------
    var authors = form.querySelector('fieldset.authors');
    var tbody = authors && authors.querySelector('tbody');
    var maxAuthors = authors ? parseInt(authors.getAttribute('data-max-authors'), 10) || 20 : 20;
    var addButton = authors && authors.querySelector('[data-add-author]');
    var total = document.getElementById('share-total');

    function rows() {
        return tbody ? Array.prototype.slice.call(tbody.querySelectorAll('tr[data-author-row]')) : [];
    }

    // Rewrites names, ids and labels so row i is Input.Authors[i] again after a row is added or removed.
    function renumber() {
        rows().forEach(function (row, i) {
            row.querySelectorAll('[name], [id], [for], [data-valmsg-for], [aria-describedby]').forEach(function (el) {
                ['name', 'id', 'for', 'data-valmsg-for', 'aria-describedby'].forEach(function (attr) {
                    var value = el.getAttribute(attr);
                    if (value) {
                        el.setAttribute(attr, value
                            .replace(/Authors\[\d+\]/g, 'Authors[' + i + ']')
                            .replace(/Authors_\d+__/g, 'Authors_' + i + '__')
                            .replace(/representative-\d+/g, 'representative-' + i));
                    }
                });
            });
            // The hidden "__Invariant" markers (numbers parsed culture-free) name their field in their value.
            row.querySelectorAll('input[name="__Invariant"]').forEach(function (marker) {
                marker.value = marker.value.replace(/Authors\[\d+\]/, 'Authors[' + i + ']');
            });
            var radio = row.querySelector('input[type=radio]');
            if (radio) {
                radio.value = String(i);
            }
            row.querySelectorAll('[data-row-number]').forEach(function (el) {
                el.textContent = String(i + 1);
            });
            var remove = row.querySelector('[data-remove-author]');
            if (remove) {
                remove.setAttribute('aria-label', 'Xóa tác giả ' + (i + 1));
                var action = remove.getAttribute('formaction');
                if (action) {
                    remove.setAttribute('formaction', action.replace(/index=\d+/, 'index=' + i));
                }
            }
        });
        if (addButton) {
            addButton.hidden = rows().length >= maxAuthors;
        }
        updateTotal();
    }

    function clearRow(row) {
        row.querySelectorAll('input').forEach(function (input) {
            if (input.type === 'hidden') {
                return;
            }
            if (input.type === 'radio' || input.type === 'checkbox') {
                input.checked = false;
            } else {
                input.value = '';
            }
            input.classList.remove('input-validation-error');
        });
        row.querySelectorAll('.field-validation-error').forEach(function (message) {
            message.textContent = '';
            message.classList.remove('field-validation-error');
            message.classList.add('field-validation-valid');
        });
    }

    function addRow() {
        var all = rows();
        if (all.length === 0 || all.length >= maxAuthors) {
            return;
        }
        var row = all[all.length - 1].cloneNode(true);
        clearRow(row);
        tbody.appendChild(row);
        renumber();
        var first = row.querySelector('input[type=text], input:not([type])');
        if (first) {
            first.focus();
        }
        markDirty();
    }

    function removeRow(row) {
        var all = rows();
        if (all.length <= 1) {
            // Keep one row to fill in: empty it instead.
            clearRow(row);
        } else {
            var next = row.nextElementSibling || row.previousElementSibling;
            row.parentNode.removeChild(row);
            renumber();
            var focus = next && next.querySelector('input');
            (focus || addButton || form).focus();
        }
        updateTotal();
        markDirty();
    }

    function parseShare(text) {
        var value = String(text || '').replace(/\s|%/g, '').replace(',', '.');
        if (value === '' || !/^\d+(\.\d{1,2})?$/.test(value)) {
            return null;
        }
        // Hundredths as integers: 33.33 + 33.33 + 33.34 must make exactly 100.
        return Math.round(parseFloat(value) * 100);
    }

    function updateTotal() {
        if (!total) {
            return;
        }
        var sum = 0;
        rows().forEach(function (row) {
            var share = row.querySelector('[data-share]');
            var value = share ? parseShare(share.value) : null;
            sum += value || 0;
        });
        total.textContent = numberFormat.format(sum / 100) + '%';
        total.className = sum === 10000 ? 'total-ok' : 'total-off';
    }

    if (tbody) {
        form.addEventListener('click', function (event) {
            var button = event.target.closest && event.target.closest('[data-add-author], [data-remove-author]');
            if (!button || !form.contains(button)) {
                return;
            }
            event.preventDefault();
            if (button.hasAttribute('data-add-author')) {
                addRow();
            } else {
                removeRow(button.closest('tr'));
            }
        });
        tbody.addEventListener('input', function (event) {
            if (event.target.hasAttribute('data-share')) {
                updateTotal();
            }
        });
        var focusRow = authors.getAttribute('data-focus-author');
        if (focusRow) {
            var input = tbody.querySelector('input[name="Input.Authors[' + focusRow + '].FullName"]');
            if (input) {
                input.focus();
            }
        }
    }

    // ---- Character counters --------------------------------------------------------------------
    function length(text) {
        // Browsers send each line break as CR LF; the server counts both characters.
        return text.length + (text.match(/\n/g) || []).length;
    }

    form.querySelectorAll('[data-counter]').forEach(function (field) {
        var max = parseInt(field.getAttribute('data-counter'), 10);
        if (!max) {
            return;
        }
        var counter = document.createElement('span');
        counter.className = 'char-counter';
        counter.id = field.id + '-counter';
        field.insertAdjacentElement('afterend', counter);
        var described = field.getAttribute('aria-describedby');
        field.setAttribute('aria-describedby', (described ? described + ' ' : '') + counter.id);

        function update() {
            var used = length(field.value);
            counter.textContent = numberFormat.format(used) + '/' + numberFormat.format(max) + ' ký tự'
                + (used > max ? ' — vượt quá ' + numberFormat.format(used - max) + ' ký tự' : '');
            counter.classList.toggle('over', used > max);
        }
        field.addEventListener('input', update);
        update();
    });

    // ---- Errors, unsaved changes, double submission -------------------------------------------------
    var summary = document.getElementById('loi');
    if (summary && !(authors && authors.getAttribute('data-focus-author'))) {
        summary.focus();
    }

    var dirty = false;
    function markDirty() {
        dirty = true;
    }
    form.addEventListener('input', markDirty);
    form.addEventListener('change', markDirty);
    window.addEventListener('beforeunload', function (event) {
        if (dirty) {
            event.preventDefault();
            event.returnValue = '';
        }
    });

    var buttons = Array.prototype.slice.call(document.querySelectorAll('button[type=submit]')).filter(function (button) {
        return button.form === form;
    });
    form.addEventListener('submit', function () {
        dirty = false;
        // After the browser has taken the submitter's formaction, so the right handler still runs.
        window.setTimeout(function () {
            buttons.forEach(function (button) {
                button.disabled = true;
            });
        }, 0);
    });
    // Coming back with the Back button restores the page from cache: make the buttons usable again.
    window.addEventListener('pageshow', function () {
        buttons.forEach(function (button) {
            button.disabled = false;
        });
    });
}());
