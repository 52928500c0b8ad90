// Live preview beside a Markdown editor. The textarea names its preview element, the handler URL and a
// status line in data attributes:
//   <textarea data-preview="#preview" data-preview-url="?handler=Preview" data-preview-status="#status">
// The text is posted (form-encoded, field "markdown") with the form's antiforgery token in the
// RequestVerificationToken header; the server answers with HTML it has already sanitised.
(function () {
    'use strict';

    var DELAY_MS = 400;

    function setUp(area) {
        var target = document.querySelector(area.getAttribute('data-preview'));
        var url = area.getAttribute('data-preview-url');
        var status = document.querySelector(area.getAttribute('data-preview-status') || '');
        var tokenField = area.form && area.form.querySelector('input[name="__RequestVerificationToken"]');
        if (!target || !url || !tokenField) {
            return;
        }

        var timer = 0;
        var controller = null;
        var lastSent = null;

        function say(text) {
            if (status) {
                status.textContent = text;
            }
        }

        function refresh() {
            var text = area.value;
            if (text === lastSent) {
                return;
            }
            lastSent = text;
            if (controller) {
                controller.abort();
            }
            controller = typeof AbortController === 'function' ? new AbortController() : null;
            target.setAttribute('aria-busy', 'true');

            var body = new URLSearchParams();
            body.set('markdown', text);
            fetch(url, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'RequestVerificationToken': tokenField.value },
                body: body,
                signal: controller ? controller.signal : undefined
            }).then(function (response) {
                if (response.status === 413) {
                    throw new Error('too-long');
                }
                if (!response.ok) {
                    throw new Error('http-' + response.status);
                }
                return response.text();
            }).then(function (html) {
                // Sanitised by the server (Markdig without raw HTML, then HtmlSanitizer).
                target.innerHTML = html;
                target.removeAttribute('aria-busy');
                say('');
            }).catch(function (error) {
                if (error && error.name === 'AbortError') {
                    return;
                }
                target.removeAttribute('aria-busy');
                lastSent = null;
                say(error && error.message === 'too-long'
                    ? 'Nội dung quá dài nên không xem trước được. Nội dung vẫn được giữ trong ô soạn thảo.'
                    : 'Chưa cập nhật được bản xem trước (mất kết nối hoặc phiên đăng nhập đã hết hạn). Nội dung bạn soạn vẫn còn nguyên.');
            });
        }

        area.addEventListener('input', function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(refresh, DELAY_MS);
        });
    }

    document.querySelectorAll('textarea[data-preview]').forEach(setUp);
})();
