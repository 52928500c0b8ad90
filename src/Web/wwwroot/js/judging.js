// The judge's scoring page: the running total beside the inputs, and a warning before leaving the page with
// changes that are not saved. Without JavaScript the page works the same, only without these two aids.
(function () {
    'use strict';

    var form = document.getElementById('score-form');
    if (!form) {
        return;
    }
    var inputs = Array.prototype.slice.call(form.querySelectorAll('input.score-input'));
    var total = document.getElementById('tong-diem');

    function parse(text) {
        var value = Number(String(text || '').trim().replace(',', '.'));
        return isFinite(value) ? value : 0;
    }

    function format(value) {
        // Vietnamese decimal comma, at most two decimals, no trailing zeros.
        return (Math.round(value * 100) / 100).toString().replace('.', ',');
    }

    function refresh() {
        if (!total) {
            return;
        }
        var sum = 0;
        inputs.forEach(function (input) {
            sum += parse(input.value) * parse(input.getAttribute('data-weight') || '1');
        });
        total.textContent = format(sum);
    }

    var dirty = false;
    form.addEventListener('input', function (event) {
        dirty = true;
        if (event.target && event.target.classList && event.target.classList.contains('score-input')) {
            refresh();
        }
    });
    form.addEventListener('submit', function () {
        dirty = false;
    });
    window.addEventListener('beforeunload', function (event) {
        if (dirty) {
            event.preventDefault();
            event.returnValue = '';
        }
    });
    refresh();
})();
