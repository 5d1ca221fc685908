// Dateline dashboard: small progressive enhancements. The pages work without this file.
(function () {
  "use strict";

  // Network: hovering an actor lights up its edges.
  document.querySelectorAll("svg.network").forEach(function (svg) {
    svg.querySelectorAll("a.node").forEach(function (node) {
      var href = node.getAttribute("href") || "";
      var id = decodeURIComponent(href.replace(/^\/actors\//, ""));
      node.addEventListener("mouseenter", function () {
        svg.classList.add("dim");
        svg.querySelectorAll("path.edge").forEach(function (edge) {
          var link = edge.parentNode.getAttribute("href") || "";
          var parts = link.replace(/^\/dyads\//, "").split("/").map(decodeURIComponent);
          if (parts[0] === id || parts[1] === id) { edge.classList.add("lit"); }
        });
      });
      node.addEventListener("mouseleave", function () {
        svg.classList.remove("dim");
        svg.querySelectorAll("path.edge.lit").forEach(function (e) { e.classList.remove("lit"); });
      });
    });
  });

  // Code a text: live character count against the server's limit.
  var area = document.querySelector("textarea[data-max]");
  var counter = document.querySelector(".counter");
  if (area && counter) {
    var max = parseInt(area.getAttribute("data-max"), 10);
    var update = function () {
      var n = new Blob([area.value]).size;
      counter.textContent = n.toLocaleString() + " / " + max.toLocaleString() + " bytes";
      counter.classList.toggle("over", n > max);
    };
    area.addEventListener("input", update);
    update();
  }

  // Filter forms: drop empty fields so shared URLs stay short.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (el) {
        if (!el.value) { el.disabled = true; }
      });
    });
  });
})();
