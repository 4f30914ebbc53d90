// Small enhancements only: every page works without this script.
// - a form with data-confirm asks before it is sent;
// - a select with data-fill="ID" copies the chosen option's data-text into the
//   textarea ID (response templates), which stays editable.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) { event.preventDefault(); }
});
document.addEventListener("change", function (event) {
  var select = event.target;
  var targetId = select.getAttribute && select.getAttribute("data-fill");
  if (!targetId) { return; }
  var option = select.options[select.selectedIndex];
  var target = document.getElementById(targetId);
  if (target && option && option.getAttribute("data-text")) {
    target.value = option.getAttribute("data-text");
    target.focus();
  }
});
// - a button with data-copy="ID" (hidden without this script) copies the text of
//   the field ID to the clipboard and says so.
document.querySelectorAll("[data-copy]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    field.select();
    var done = function () { button.textContent = button.getAttribute("data-copied"); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        document.execCommand("copy"); done();
      });
    } else { document.execCommand("copy"); done(); }
  });
});
