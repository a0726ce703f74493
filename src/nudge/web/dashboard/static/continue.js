// The access token ran out: post the "Continue" form at once (it refreshes the session and
// comes back). Without JavaScript the person presses the button; nothing else needs this.
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("continue");
  if (form) { form.submit(); }
});
