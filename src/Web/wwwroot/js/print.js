// "In văn bản" buttons on printable documents (the CSP allows no inline script).
document.querySelectorAll("[data-print]").forEach((button) => button.addEventListener("click", () => window.print()));
