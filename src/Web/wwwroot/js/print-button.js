// "In …" buttons on printable documents: the print dialog from a button (the CSP allows no inline handlers).
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
