// Keeps the status column of the bulletin list current while the worker parses, without reloads.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script.dataset.url;
  var pending = ["uploaded", "parsing"];

  function badges() {
    return Array.prototype.slice.call(document.querySelectorAll(".bulletin-status"));
  }

  function poll() {
    var waiting = badges().filter(function (b) { return pending.indexOf(b.dataset.status) >= 0; });
    if (!waiting.length) { return; }
    var ids = waiting.map(function (b) { return b.dataset.bulletin; }).join(",");
    fetch(url + "?ids=" + encodeURIComponent(ids), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (statuses) {
        waiting.forEach(function (badge) {
          var now = statuses[badge.dataset.bulletin];
          if (now && now.status !== badge.dataset.status) {
            badge.dataset.status = now.status;
            badge.textContent = now.label;  // textContent: never HTML
            badge.title = now.error || "";
          }
        });
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  document.addEventListener("DOMContentLoaded", poll);
})();
