/* claimgraph map view: the world outline (Natural Earth 1:110m, served from static/) in SVG with
 * one marker per located place; clicking a marker lists its claims. Equirectangular projection:
 * x = longitude, y = -latitude. No tiles, no CDN. Text is inserted with textContent only. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function fetchJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
  }

  function ringPath(ring) {
    return ring.map(function (p, i) { return (i ? "L" : "M") + p[0] + "," + (-p[1]); }).join("") + "Z";
  }

  function drawWorld(svg, world) {
    var land = svgEl("g", { "class": "land" });
    world.features.forEach(function (feature) {
      var path = svgEl("path", { d: feature.geometry.coordinates.map(ringPath).join(""), "data-iso": feature.properties.iso });
      var title = svgEl("title");
      title.textContent = feature.properties.name;
      path.appendChild(title);
      land.appendChild(path);
    });
    svg.appendChild(land);
  }

  // The view frames every marker with this much margin (degrees), never narrower than MIN_SPAN.
  var MARGIN = 8, MIN_SPAN = 40;

  function frame(places) {
    if (!places.length) return [-180, -90, 360, 180];
    var xs = places.map(function (p) { return p.lon; }), ys = places.map(function (p) { return -p.lat; });
    var x0 = Math.min.apply(null, xs) - MARGIN, x1 = Math.max.apply(null, xs) + MARGIN;
    var y0 = Math.min.apply(null, ys) - MARGIN, y1 = Math.max.apply(null, ys) + MARGIN;
    var w = Math.max(x1 - x0, MIN_SPAN), h = Math.max(y1 - y0, MIN_SPAN / 2);
    return [(x0 + x1 - w) / 2, (y0 + y1 - h) / 2, w, h];
  }

  function renderPlace(panel, place) {
    panel.textContent = "";
    var head = el("h3");
    if (place.entity) {
      var a = el("a", place.label);
      a.setAttribute("href", "/entities/" + encodeURIComponent(place.entity));
      head.appendChild(a);
    } else head.appendChild(document.createTextNode(place.label));
    var where = place.geonames;
    head.appendChild(el("small", " " + where.name + (where.country ? ", " + where.country : "") + " (" + where.kind + ")"));
    panel.appendChild(head);
    panel.appendChild(el("p", place.claim_count + " claim(s)" + (place.mentions ? ", " + place.mentions + " mentions" : ""), "hint"));
    var ul = el("ul", null, "claims");
    place.claims.forEach(function (claim) {
      var li = el("li");
      var a = el("a", claim.subject.name + " " + claim.label + " " + claim.object.name);
      a.setAttribute("href", "/claims/" + encodeURIComponent(claim.id));
      li.appendChild(a);
      li.appendChild(el("small", " " + claim.when.label + " \u00b7 " + claim.origins + " origin(s)"));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    panel.setAttribute("data-loaded", "1");
  }

  function drawPlaces(svg, places, panel, box) {
    var unit = box[2] / 300;
    var layer = svgEl("g", { "class": "places" });
    places.slice().sort(function (a, b) { return b.claim_count - a.claim_count; }).forEach(function (place) {
      var r = unit * (1.2 + Math.log(1 + place.claim_count));
      var dot = svgEl("circle", { cx: place.lon, cy: -place.lat, r: r,
                                  "class": "place" + (place.claim_count ? " with-claims" : ""),
                                  "data-key": place.key, "data-entity": place.entity || "" });
      var title = svgEl("title");
      title.textContent = place.label + " (" + place.claim_count + " claims)";
      dot.appendChild(title);
      dot.addEventListener("click", function () {
        layer.querySelectorAll(".selected").forEach(function (n) { n.classList.remove("selected"); });
        dot.classList.add("selected");
        renderPlace(panel, place);
      });
      layer.appendChild(dot);
    });
    svg.appendChild(layer);
  }

  function start() {
    var svg = document.getElementById("map");
    if (!svg) return;
    var panel = document.getElementById("panel");
    var status = document.getElementById("map-status");
    Promise.all([fetchJSON(svg.getAttribute("data-world")), fetchJSON(svg.getAttribute("data-api"))])
      .then(function (results) {
        var world = results[0], data = results[1];
        var box = frame(data.places);
        svg.setAttribute("viewBox", box.join(" "));
        drawWorld(svg, world);
        drawPlaces(svg, data.places, panel, box);
        var whole = document.getElementById("whole-world");
        if (whole) whole.addEventListener("click", function () { svg.setAttribute("viewBox", "-180 -90 360 180"); });
        if (status) status.textContent = data.places.length + " places on the map: " + data.located_entities + " of " +
          data.location_entities + " location actors located" + (data.unlocated.length ? " (not in GeoNames: " +
          data.unlocated.slice(0, 12).map(function (u) { return u.name; }).join(", ") + (data.unlocated.length > 12 ? ", \u2026" : "") + ")" : "");
        svg.setAttribute("data-ready", "1");
      })
      .catch(function (err) { if (status) status.textContent = String(err); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
