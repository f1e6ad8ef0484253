/* claimgraph map view: Leaflet (vendored, static/leaflet-1.9.4.js) over the world outline
 * (Natural Earth 1:110m, static/world-110m.json) with no tile layer: nothing is fetched from
 * outside the app. One circle per located place, sized by its claims; clicking one lists them.
 * Article text (place and actor names) is inserted with textContent only. */
(function () {
  "use strict";

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

  var LAND = { className: "land", color: "#9a9a9a", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1, interactive: false };

  function markerStyle(place) {
    return { className: "place" + (place.claim_count ? " with-claims" : ""),
             radius: 4 + 3 * Math.log(1 + place.claim_count), color: "#ffffff", weight: 1,
             fillColor: place.claim_count ? "#d62728" : "#8c8c8c", fillOpacity: 0.8 };
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

  function start() {
    var container = document.getElementById("map");
    if (!container) return;
    var panel = document.getElementById("panel");
    var status = document.getElementById("map-status");
    var map = L.map(container, { zoomSnap: 0.25, minZoom: 1, maxZoom: 12, worldCopyJump: false });
    map.attributionControl.setPrefix(false);  // the default prefix links to an outside site
    map.attributionControl.addAttribution("Natural Earth \u00b7 GeoNames");
    map.setView([20, 0], 2);
    window.claimgraphMap = map;  // tests and power users reach the map here
    Promise.all([fetchJSON(container.getAttribute("data-world")), fetchJSON(container.getAttribute("data-api"))])
      .then(function (results) {
        var world = results[0], data = results[1];
        L.geoJSON(world, { style: function () { return LAND; } }).addTo(map);
        var selected = null;
        var places = data.places.slice().sort(function (a, b) { return b.claim_count - a.claim_count; });
        places.forEach(function (place) {
          var marker = L.circleMarker([place.lat, place.lon], markerStyle(place)).addTo(map);
          var path = marker.getElement();
          path.setAttribute("data-key", place.key);
          path.setAttribute("data-entity", place.entity || "");
          marker.bindTooltip(el("span", place.label + " (" + place.claim_count + " claims)"));
          marker.on("click", function () {
            if (selected) selected.setStyle({ color: "#ffffff", weight: 1 });
            marker.setStyle({ color: "#000000", weight: 2 });
            selected = marker;
            renderPlace(panel, place);
          });
        });
        if (places.length) {
          map.fitBounds(L.latLngBounds(places.map(function (p) { return [p.lat, p.lon]; })).pad(0.1));
        }
        var whole = document.getElementById("whole-world");
        if (whole) whole.addEventListener("click", function () { map.setView([20, 0], 1.5); });
        if (status) status.textContent = data.places.length + " places on the map: " + data.located_entities + " of " +
          data.location_entities + " location actors located" + (data.unlocated.length ? " (not in GeoNames: " +
          data.unlocated.slice(0, 12).map(function (u) { return u.name; }).join(", ") + (data.unlocated.length > 12 ? ", \u2026" : "") + ")" : "");
        container.setAttribute("data-ready", "1");
      })
      .catch(function (err) { if (status) status.textContent = String(err); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
