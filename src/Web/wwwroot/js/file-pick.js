// File fields drawn as a Vietnamese button: show the chosen file's name beside it.
document.querySelectorAll('.file-pick').forEach(function (pick) {
  var input = pick.querySelector('input[type=file]');
  var name = pick.querySelector('[data-file-name]');
  if (!input || !name) return;
  var empty = name.textContent;
  input.addEventListener('change', function () {
    name.textContent = input.files && input.files.length > 0 ? input.files[0].name : empty;
  });
});
