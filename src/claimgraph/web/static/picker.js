/* claimgraph type-ahead pickers: an <input data-picker="entity" data-target="ID"> suggests actors
 * from /api/suggest/entities as the analyst types and writes the chosen id into the hidden input
 * #ID (a <select> of thousands of actors is unusable). Names are inserted with textContent only. */
(function () {
  "use strict";

  // Suggestions shown at once; the server ranks them by mentions.
  var LIMIT = 12;

  function attach(input) {
    var target = document.getElementById(input.getAttribute("data-target"));
    var list = document.createElement("ul");
    list.className = "picker-list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.insertBefore(list, input.nextSibling);
    var pending = 0;

    function choose(item) {
      input.value = item.name;
      if (target) target.value = item.id;
      list.hidden = true;
      input.dispatchEvent(new CustomEvent("picked", { detail: item }));
    }

    function show(items) {
      list.textContent = "";
      items.forEach(function (item) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.setAttribute("data-id", item.id);
        li.textContent = item.name + " (" + item.type + ", " + item.mentions + ")";
        li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(item); });
        list.appendChild(li);
      });
      list.hidden = !items.length;
    }

    input.addEventListener("input", function () {
      var text = input.value.trim();
      if (target) target.value = "";  // a typed name no longer names the chosen actor
      if (!text) { show([]); return; }
      var ticket = ++pending;
      fetch("/api/suggest/entities?limit=" + LIMIT + "&q=" + encodeURIComponent(text),
            { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (items) { if (ticket === pending) show(items); });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !list.hidden && list.firstChild) {
        event.preventDefault();
        list.firstChild.dispatchEvent(new MouseEvent("mousedown"));
      } else if (event.key === "Escape") {
        list.hidden = true;
      }
    });
    input.addEventListener("blur", function () { list.hidden = true; });
  }

  function start() { document.querySelectorAll("input[data-picker]").forEach(attach); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
