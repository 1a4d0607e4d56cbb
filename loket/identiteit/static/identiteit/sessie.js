/* Resident session warning: two minutes before Loket logs a resident out after
   inactivity, a dialog offers "Ingelogd blijven" (a POST to the keep-alive
   endpoint). Without this script the page works the same; the page text says
   when the session ends. */
(function () {
  "use strict";
  var root = document.getElementById("loket-ingelogd");
  var dialog = document.getElementById("loket-sessie-dialoog");
  if (!root || !dialog || typeof dialog.showModal !== "function") {
    return;
  }
  var total = parseInt(root.getAttribute("data-sessie-seconden"), 10) * 1000;
  var warn = parseInt(root.getAttribute("data-waarschuwing-seconden"), 10) * 1000;
  if (!(total > warn)) {
    return;
  }
  var form = dialog.querySelector("form");
  var button = document.getElementById("loket-sessie-blijven");
  var verlopen = root.getAttribute("data-verlopen-url");
  var warnTimer = null;
  var expireTimer = null;

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(expireTimer);
    warnTimer = window.setTimeout(function () {
      if (!dialog.open) {
        dialog.showModal();
        button.focus();
      }
    }, total - warn);
    expireTimer = window.setTimeout(function () {
      window.location.assign(verlopen);
    }, total);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    window.fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      button.disabled = false;
      if (response.ok) {
        dialog.close();
        schedule();
      } else {
        window.location.assign(verlopen);
      }
    }).catch(function () {
      button.disabled = false;
      form.submit();
    });
  });

  schedule();
}());
