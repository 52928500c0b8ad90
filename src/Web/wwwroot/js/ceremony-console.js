// The presenter console of the ceremony (/quan-tri/le-trao-giai). A presentation clicker sends Page Down (or
// the right arrow) for “next slide”: here it presses “Công bố giải tiếp theo”, so the presenter can stay at the
// lectern. Only forward: undo is a deliberate click, never a slip of the clicker. One press sends one reveal;
// the page that comes back carries the next one. Without JavaScript the button works as it is.
(function () {
    'use strict';

    var form = document.getElementById('cong-bo-tiep');
    if (!form) {
        return;
    }
    var sent = false;
    form.addEventListener('submit', function () { sent = true; });

    document.addEventListener('keydown', function (event) {
        if (event.key !== 'PageDown' && event.key !== 'ArrowRight') {
            return;
        }
        if (sent || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.repeat) {
            return;
        }
        var target = event.target;
        if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
            return;
        }
        event.preventDefault();
        form.requestSubmit();
    });
}());
