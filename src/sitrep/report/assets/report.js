// sitrep report filters: country, type, date range and text over the data embedded in the page.
// No network, no eval, no HTML built from data: it only toggles a class on existing elements.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var dataEl = document.getElementById("sitrep-data");
  if (!form || !dataEl) { return; }
  var data = JSON.parse(dataEl.textContent);
  var entries = {};
  var list = data.incidents.map(function (r) {
    var e = { r: r, els: [], card: null, text: null };
    entries[r.id] = e;
    return e;
  });
  var nodes = document.querySelectorAll("[data-inc]");
  for (var i = 0; i < nodes.length; i++) {
    var e = entries[nodes[i].getAttribute("data-inc")];
    if (!e) { continue; }
    e.els.push(nodes[i]);
    if (nodes[i].classList.contains("card")) { e.card = nodes[i]; }
  }
  var shown = document.getElementById("shown");
  var empty = document.getElementById("no-match");

  function textOf(e) {
    if (e.text === null) {
      e.text = ((e.card ? e.card.textContent : "") + " " + (e.r.words || "")).toLowerCase();
    }
    return e.text;
  }

  function apply() {
    var country = form.elements.country.value;
    var type = form.elements.type.value;
    var from = form.elements.from.value;
    var to = form.elements.to.value;
    var terms = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    list.forEach(function (e) {
      var r = e.r;
      var ok = (!country || r.cc === country) && (!type || r.type === type);
      if (ok && (from || to)) {
        // ISO dates compare as strings; an undated incident is hidden by a date filter.
        ok = !!r.start && (!from || (r.end || r.start) >= from) && (!to || r.start <= to);
      }
      if (ok && terms.length) {
        var text = textOf(e);
        ok = terms.every(function (t) { return text.indexOf(t) >= 0; });
      }
      if (ok) { count++; }
      e.els.forEach(function (el) { el.classList.toggle("off", !ok); });
    });
    shown.textContent = count + " of " + list.length + " incidents shown";
    if (empty) { empty.hidden = count > 0; }
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.hidden = false;
  shown.textContent = list.length + " of " + list.length + " incidents shown";
})();
