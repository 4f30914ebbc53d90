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
