// The review desk: a highlight selects its row and a row selects its highlight; selecting text
// fills the "add a metric" form with code-point offsets (the server counts code points; the
// browser counts UTF-16 units, so characters outside the BMP are counted with Array.from).
(function () {
  "use strict";
  var text = document.getElementById("review-text");
  if (!text) { return; }

  function clearSelection() {
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
  }

  function selectMetric(id, scrollTextIntoView) {
    clearSelection();
    var row = document.getElementById("metric-" + id);
    var segments = text.querySelectorAll(".hl-metric");
    var first = null;
    segments.forEach(function (seg) {
      if ((seg.dataset.metric || "").split(",").indexOf(String(id)) >= 0) {
        seg.classList.add("selected");
        first = first || seg;
      }
    });
    if (row) {
      row.classList.add("selected");
      if (!scrollTextIntoView) { row.scrollIntoView({ block: "center" }); }
      var input = row.querySelector("input[name$='-value']");
      if (input && !scrollTextIntoView) { input.focus(); }
    }
    if (first && scrollTextIntoView) { first.scrollIntoView({ block: "center" }); }
  }

  text.addEventListener("click", function (event) {
    var seg = event.target.closest(".hl-metric");
    if (seg) { selectMetric(seg.dataset.metric.split(",")[0], false); return; }
    var heading = event.target.closest(".hl-program");
    if (heading) {
      clearSelection();
      var row = document.querySelector(".program-row[data-program='" + heading.dataset.program.split(",")[0] + "']");
      if (row) { row.classList.add("selected"); row.scrollIntoView({ block: "center" }); }
    }
  });
  document.querySelectorAll(".jump").forEach(function (button) {
    button.addEventListener("click", function () { selectMetric(button.dataset.metric, true); });
  });

  function codePointOffset(node, offset) {
    var seg = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    seg = seg && seg.closest(".seg");
    if (!seg) { return null; }
    var within = node.nodeType === Node.TEXT_NODE ? Array.from(node.data.slice(0, offset)).length : 0;
    return parseInt(seg.dataset.start, 10) + within;
  }

  var start = document.getElementById("id_add-start");
  var end = document.getElementById("id_add-end");
  var shown = document.getElementById("add-selection");
  document.addEventListener("selectionchange", function () {
    var selection = window.getSelection();
    if (!start || !selection.rangeCount || selection.isCollapsed) { return; }
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) { return; }
    var from = codePointOffset(range.startContainer, range.startOffset);
    var to = codePointOffset(range.endContainer, range.endOffset);
    if (from === null || to === null || to <= from) { return; }
    start.value = from;
    end.value = to;
    shown.textContent = selection.toString();  // textContent: never HTML
  });
})();
