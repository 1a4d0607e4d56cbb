// Shows and hides questions whose condition depends on an answer on the same
// page, while the resident fills it in. Only a convenience: the server decides
// which questions count, and without this script every question is shown with
// a hint saying when to answer it.
(function () {
  "use strict";
  var form = document.querySelector(".loket-formulier");
  if (!form) return;
  var afhankelijk = form.querySelectorAll("[data-conditie-veld]");
  if (!afhankelijk.length) return;

  function antwoorden(naam) {
    var velden = form.querySelectorAll('[name="' + naam + '"]');
    var waarden = [];
    for (var i = 0; i < velden.length; i++) {
      var veld = velden[i];
      if (veld.type === "radio" || veld.type === "checkbox") {
        if (veld.checked) waarden.push(veld.value);
      } else {
        waarden.push(veld.value);
      }
    }
    return waarden;
  }

  function bijwerken() {
    for (var i = 0; i < afhankelijk.length; i++) {
      var vraag = afhankelijk[i];
      var naam = vraag.getAttribute("data-conditie-veld");
      var nodig = vraag.getAttribute("data-conditie-waarde");
      if (!form.querySelector('[name="' + naam + '"]')) continue; // earlier page
      vraag.hidden = antwoorden(naam).indexOf(nodig) === -1;
      var uitleg = vraag.querySelector(".loket-conditie");
      if (uitleg) uitleg.hidden = true;
    }
  }

  form.addEventListener("change", bijwerken);
  bijwerken();
})();
