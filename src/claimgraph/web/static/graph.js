/* claimgraph graph view: draws nodes and edges with vis-network and shows evidence on click.
 * Used by the web UI (data from /api/graph) and inlined in the report (data embedded as JSON).
 * All article text is inserted with textContent, never as HTML. */
(function () {
  "use strict";

  var TYPE_STYLE = {
    person: { shape: "dot", color: "#4e79a7" },
    organization: { shape: "diamond", color: "#f28e2b" },
    state: { shape: "square", color: "#59a14f" },
    location: { shape: "triangle", color: "#b07aa1" },
    other: { shape: "hexagon", color: "#9c9c9c" }
  };
  var RELATION_COLORS = {
    MEMBER_OF: "#7f7f7f", PART_OF: "#b0b0b0", DEFECT: "#9467bd", COOPERATE: "#2ca02c",
    AID: "#1f77b4", CONSULT: "#17becf", AGREE: "#8c564b", ASSAULT: "#d62728", COERCE: "#ff7f0e",
    THREATEN: "#e377c2", ACCUSE: "#bcbd22", REJECT: "#7b4173", REQUEST: "#393b79",
    PROTEST: "#ad494a", SANCTION: "#8c6d31", MOBILIZE: "#637939", SUPPORT: "#3182bd",
    CONCEDE: "#6baed6", RETREAT: "#969696"
  };

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function link(text, href) {
    if (!href) return el("span", text);
    var a = el("a", text);
    a.setAttribute("href", href);
    return a;
  }

  // Node radius grows with the log of mentions and stops at NODE_SIZE_CAP: a country named in every
  // article must not cover the actors around it (#14: Syria was a 265 px square).
  var NODE_SIZE_MIN = 8, NODE_SIZE_CAP = 32;
  function nodeSize(mentions) {
    return Math.min(NODE_SIZE_CAP, NODE_SIZE_MIN + 4 * Math.log(1 + Math.max(mentions || 0, 0)));
  }

  // Only the most connected actors carry a label (the rest show theirs on hover or when expanded),
  // drawn at LABEL_PX on screen whatever the zoom: a zoomed-out corpus graph keeps its names readable.
  var LABELLED_NODES = 25, LABEL_PX = 14;
  // Above this many actors, those with fewer than LARGE_MIN_DEGREE claims shown are hidden at first.
  var LARGE_GRAPH_NODES = 150, LARGE_MIN_DEGREE = 2;

  // labels are set by the view (scaleLabels): most actors go unnamed until hovered
  function toVisNode(node) {
    var style = TYPE_STYLE[node.type] || TYPE_STYLE.other;
    var title = node.label + " (" + node.type + ", " + node.mentions + " mentions" +
      (node.rolled_up ? ", " + node.rolled_up + " parts rolled up" : "") + ")";
    return { id: node.id, label: "", shape: style.shape, color: style.color,
             size: nodeSize(node.mentions), title: title, font: { size: 15, strokeWidth: 3, strokeColor: "#ffffff" } };
  }

  // Above this many edges, edge labels (relation and mode) only show on hover: the picture stays legible.
  var MAX_LABELLED_EDGES = 30;

  function toVisEdge(edge, parallel, labelled) {
    var color = RELATION_COLORS[edge.relation] || "#555555";
    var marks = (edge.contradicted ? " \u26a0" : "") + (edge.review === "confirmed" ? " \u2713" : "");
    var visEdge = {
      id: edge.id, from: edge.source, to: edge.target, label: (labelled ? edge.label : "") + marks,
      title: edge.label + ": " + edge.origins + " independent origin(s), " + edge.documents + " document(s)" +
        (edge.certainty === "hedged" ? ", hedged" : "") + (edge.contradicted ? ", contradicted" : "") +
        (edge.unknown_outlet_documents ? ", plus " + edge.unknown_outlet_documents +
          " document(s) of unknown outlet" + (edge.weak ? " (weak)" : "") : "") +
        (edge.review ? ", " + edge.review : ""),
      color: { color: edge.review === "rejected" ? "#cccccc" : color, highlight: color },
      width: Math.min(1 + 1.5 * (edge.origins || 0), 12),
      dashes: edge.review === "rejected" ? [2, 6] : (edge.weak ? [1, 4] : edge.certainty === "hedged"),
      arrows: edge.directed ? "to" : "",
      font: { size: 11, align: "middle", color: edge.contradicted ? "#b00000" : "#333333" },
      smooth: parallel ? { enabled: true, type: "curvedCW", roundness: 0.25 * parallel } : false
    };
    if (edge.contradicted) visEdge.shadow = { enabled: true, color: "#ff0000", size: 6, x: 0, y: 0 };
    return visEdge;
  }

  function toVisEdges(edges) {
    var seen = {};
    return edges.map(function (edge) {
      var key = [edge.source, edge.target].sort().join("\u0000");
      var parallel = seen[key] || 0;
      seen[key] = parallel + 1;
      return toVisEdge(edge, parallel, edges.length <= MAX_LABELLED_EDGES);
    });
  }

  function drawLegend(container) {
    if (!container) return;
    container.textContent = "";
    Object.keys(TYPE_STYLE).forEach(function (type) {
      var item = el("span", type, "legend-item");
      item.style.borderLeft = "12px solid " + TYPE_STYLE[type].color;
      container.appendChild(item);
    });
    container.appendChild(el("div", "edges: colour = relation, width = independent origins, dashed = hedged, \u26a0 = contradicted, \u2713 = confirmed", "legend-note"));
  }

  /* Relation chips: one per relation in the data, coloured as its edges; clicking one shows only
   * that relation, further clicks add or remove relations, "all" shows every relation again. */
  function drawRelationChips(container, edges, view) {
    if (!container) return;
    container.textContent = "";
    var counts = {};
    edges.forEach(function (edge) { counts[edge.relation] = (counts[edge.relation] || 0) + 1; });
    var relations = Object.keys(counts).sort();
    var buttons = [];
    function refresh() {
      buttons.forEach(function (button) {
        var on = !view.relations || view.relations[button.getAttribute("data-relation")];
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
    }
    relations.forEach(function (relation) {
      var button = el("button", relation + " " + counts[relation], "chip");
      button.setAttribute("type", "button");
      button.setAttribute("data-relation", relation);
      button.style.borderLeftColor = RELATION_COLORS[relation] || "#555555";
      button.addEventListener("click", function () {
        if (!view.relations) { view.relations = {}; view.relations[relation] = true; }
        else if (view.relations[relation]) delete view.relations[relation];
        else view.relations[relation] = true;
        if (!Object.keys(view.relations).length) view.relations = null;
        refresh();
        view.apply();
      });
      buttons.push(button);
      container.appendChild(button);
    });
    var all = el("button", "all", "chip chip-all");
    all.setAttribute("type", "button");
    all.addEventListener("click", function () { view.relations = null; refresh(); view.apply(); });
    container.appendChild(all);
    refresh();
  }

  /* ---- time histogram with a brush ------------------------------------------------------- */

  function monthOf(date) { return date ? date.slice(0, 7) : null; }

  function nextMonth(month) {
    var y = +month.slice(0, 4), m = +month.slice(5, 7) + 1;
    if (m > 12) { y += 1; m = 1; }
    return y + "-" + (m < 10 ? "0" : "") + m;
  }

  var SVG_NS = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  // Most monthly bars the histogram draws; longer spans are binned by year.
  var MAX_MONTH_BINS = 120;

  /* Claims per month (per year over long spans) by event time, else report time; undated claims get
   * their own bar. Dragging across the bars brushes a date range: view.range = [first, last day]. */
  function drawHistogram(svg, edges, view) {
    if (!svg) return;
    var dated = edges.filter(function (edge) { return edge.date; });
    var undated = edges.length - dated.length;
    svg.textContent = "";
    var width = svg.clientWidth || 600, height = svg.clientHeight || 90, bottom = 16;
    if (!dated.length) {
      var none = svgEl("text", { x: 4, y: 20, "class": "hist-empty" });
      none.textContent = "No dated claims (" + undated + " undated)";
      svg.appendChild(none);
      return;
    }
    var months = dated.map(function (edge) { return monthOf(edge.date); }).sort();
    var bins = [], month = months[0], last = months[months.length - 1];
    while (month <= last && bins.length <= MAX_MONTH_BINS) { bins.push(month); month = nextMonth(month); }
    var byYear = bins.length > MAX_MONTH_BINS;
    if (byYear) {
      bins = [];
      for (var y = +months[0].slice(0, 4); y <= +last.slice(0, 4); y++) bins.push(String(y));
    }
    var keyOf = function (date) { return byYear ? date.slice(0, 4) : date.slice(0, 7); };
    var counts = {}, reported = {};
    dated.forEach(function (edge) {
      var key = keyOf(edge.date);
      counts[key] = (counts[key] || 0) + 1;
      if (edge.date_kind === "reported") reported[key] = (reported[key] || 0) + 1;
    });
    var slots = bins.length + (undated ? 2 : 0);
    var barWidth = Math.max(2, (width - 8) / slots);
    // the dated bars set the scale; a tall undated bar is cut at full height (its count is written)
    var max = Math.max.apply(null, bins.map(function (b) { return counts[b] || 0; }).concat([1]));
    var scale = (height - bottom - 4) / max;
    bins.forEach(function (bin, i) {
      var n = counts[bin] || 0, r = reported[bin] || 0, x = 4 + i * barWidth;
      var bar = svgEl("rect", { x: x, y: height - bottom - n * scale, width: Math.max(1, barWidth - 1),
                                height: (n - r) * scale, "class": "hist-bar", "data-bin": bin });
      var title = svgEl("title");
      title.textContent = bin + ": " + n + " claim(s)" + (r ? ", " + r + " dated by report only" : "");
      bar.appendChild(title);
      svg.appendChild(bar);
      if (r) svg.appendChild(svgEl("rect", { x: x, y: height - bottom - r * scale, width: Math.max(1, barWidth - 1),
                                             height: r * scale, "class": "hist-bar reported", "data-bin": bin }));
    });
    if (undated) {
      var ux = 4 + (bins.length + 1) * barWidth;
      var tall = Math.min(undated, max) * scale;
      svg.appendChild(svgEl("rect", { x: ux, y: height - bottom - tall, width: Math.max(1, barWidth - 1),
                                      height: tall, "class": "hist-bar undated" }));
      var ut = svgEl("text", { x: ux, y: height - 3, "class": "hist-axis" });
      ut.setAttribute("text-anchor", "end");
      ut.setAttribute("x", ux + barWidth);
      ut.setAttribute("y", 10);  // above the bars, clear of the axis's last date
      ut.textContent = "undated " + undated;
      svg.appendChild(ut);
    }
    var first = svgEl("text", { x: 4, y: height - 3, "class": "hist-axis" });
    first.textContent = bins[0];
    svg.appendChild(first);
    var end = svgEl("text", { x: 4 + (bins.length - 1) * barWidth, y: height - 3, "class": "hist-axis", "text-anchor": "end" });
    end.textContent = bins[bins.length - 1];
    if (bins.length > 1) svg.appendChild(end);
    var brush = svgEl("rect", { x: 0, y: 0, width: 0, height: height - bottom, "class": "hist-brush" });
    svg.appendChild(brush);

    function binAt(clientX) {
      var box = svg.getBoundingClientRect();
      var i = Math.floor((clientX - box.left - 4) / barWidth);
      return Math.max(0, Math.min(bins.length - 1, i));
    }
    function dayRange(a, b) {
      var lo = bins[Math.min(a, b)], hi = bins[Math.max(a, b)];
      return [byYear ? lo + "-01-01" : lo + "-01", byYear ? hi + "-12-31" : hi + "-31"];
    }
    var start = null;
    svg.addEventListener("mousedown", function (event) { start = binAt(event.clientX); event.preventDefault(); });
    svg.addEventListener("mousemove", function (event) {
      if (start === null) return;
      var now = binAt(event.clientX), lo = Math.min(start, now), hi = Math.max(start, now);
      brush.setAttribute("x", 4 + lo * barWidth);
      brush.setAttribute("width", (hi - lo + 1) * barWidth);
    });
    window.addEventListener("mouseup", function (event) {
      if (start === null) return;
      var now = binAt(event.clientX);
      view.range = dayRange(start, now);
      var lo = Math.min(start, now), hi = Math.max(start, now);
      brush.setAttribute("x", 4 + lo * barWidth);
      brush.setAttribute("width", (hi - lo + 1) * barWidth);
      start = null;
      view.apply();
    });
    view.clearBrush = function () { brush.setAttribute("width", 0); };
  }

  /* ---- evidence panel ------------------------------------------------------------------ */

  function renderPieces(pieces) {
    var quote = el("blockquote", null, "sentence");
    (pieces || []).forEach(function (piece) {
      if (piece.mark) quote.appendChild(el("mark", piece.text, "m-" + piece.mark));
      else quote.appendChild(document.createTextNode(piece.text));
    });
    return quote;
  }

  function renderEvidence(evidence) {
    var box = el("div", null, "evidence polarity-" + evidence.polarity + " certainty-" + evidence.certainty);
    box.appendChild(renderPieces(evidence.pieces));
    var meta = el("div", null, "meta");
    var doc = evidence.document || {};
    var title = doc.title || doc.source || doc.id;
    if (doc.url) {
      var a = link(title, doc.url);
      a.setAttribute("rel", "noopener noreferrer nofollow");
      a.setAttribute("target", "_blank");
      a.className = "doc-title";
      meta.appendChild(a);
    } else {
      meta.appendChild(el("span", title, "doc-title"));
    }
    meta.appendChild(el("span", " \u00b7 " + (doc.outlet || "unknown outlet") + " \u00b7 " + (doc.published || "undated")));
    box.appendChild(meta);
    var who = el("div", null, "meta");
    if (evidence.chain && evidence.chain.length) who.appendChild(el("span", evidence.chain.join(" \u2192 "), "chain"));
    who.appendChild(el("span", " \u00b7 " + evidence.certainty + ", " + evidence.polarity));
    (evidence.cues || []).forEach(function (cue) {
      who.appendChild(el("span", " " + cue.kind + ": \u201c" + cue.text + "\u201d", "cue cue-" + cue.kind));
    });
    box.appendChild(who);
    return box;
  }

  function renderClaim(panel, claim, hrefs) {
    var section = el("section", null, "claim-panel");
    var head = el("h3", null, "claim-title");
    head.appendChild(link(claim.subject.name, hrefs.entity(claim.subject.id)));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(link(claim.label, hrefs.claim(claim.id)));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(link(claim.object.name, hrefs.entity(claim.object.id)));
    section.appendChild(head);
    section.appendChild(el("p", claim.origins + " independent origin(s) \u00b7 " + claim.documents +
      " document(s) \u00b7 " + claim.certainty + (claim.contradicted ? " \u00b7 contradicted" : "") +
      (claim.review ? " \u00b7 " + claim.review : ""), "badges"));
    if (claim.origin_list && claim.origin_list.length) {
      section.appendChild(el("p", "Origins: " + claim.origin_list.map(function (o) { return o.name; }).join("; "), "origins"));
    }
    (claim.evidence || []).forEach(function (evidence) { section.appendChild(renderEvidence(evidence)); });
    panel.appendChild(section);
  }

  function renderEntity(panel, entity, hrefs) {
    var section = el("section", null, "entity-panel");
    var head = el("h3");
    head.appendChild(link(entity.name, hrefs.entity(entity.id)));
    head.appendChild(el("small", " " + entity.type, "type"));
    section.appendChild(head);
    var aliases = (entity.aliases || []).filter(function (a) { return a !== entity.name; });
    if (aliases.length) section.appendChild(el("p", "Also: " + aliases.join(" \u00b7 ")));
    var lists = [["Claims made", entity.outgoing], ["Claims about", entity.incoming]];
    lists.forEach(function (pair) {
      var relations = Object.keys(pair[1] || {});
      if (!relations.length) return;
      section.appendChild(el("h4", pair[0]));
      var ul = el("ul", null, "claims");
      relations.forEach(function (relation) {
        pair[1][relation].forEach(function (claim) {
          var li = el("li");
          li.appendChild(link(claim.subject.name + " " + claim.label + " " + claim.object.name, hrefs.claim(claim.id)));
          li.appendChild(el("small", " (" + claim.origins + (claim.origins === 1 ? " origin)" : " origins)")));
          ul.appendChild(li);
        });
      });
      section.appendChild(ul);
    });
    panel.appendChild(section);
  }

  /* ---- sources -------------------------------------------------------------------------- */

  function fetchJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
  }

  function makeSource(container) {
    var mode = container.getAttribute("data-mode");
    if (mode === "embedded") {
      var data = JSON.parse(document.getElementById(container.getAttribute("data-source")).textContent);
      return {
        graph: function () { return Promise.resolve(data.graph); },
        claim: function (id) { return Promise.resolve(data.claims[id]); },
        entity: function (id) { return Promise.resolve(data.entities[id]); },
        hrefs: {
          claim: function (id) { return document.getElementById("claim-" + id) ? "#claim-" + id : null; },
          entity: function () { return null; }
        }
      };
    }
    var api = container.getAttribute("data-api");
    return {
      // the page states the filters it opened on (a first visit gets the default view), else the address
      graph: function () {
        var query = container.getAttribute("data-query");
        return fetchJSON(api + (query !== null ? (query ? "?" + query : "") : window.location.search));
      },
      claim: function (id) { return fetchJSON("/api/claims/" + encodeURIComponent(id)); },
      entity: function (id) { return fetchJSON("/api/entities/" + encodeURIComponent(id)); },
      hrefs: {
        claim: function (id) { return "/claims/" + encodeURIComponent(id); },
        entity: function (id) { return "/entities/" + encodeURIComponent(id); }
      }
    };
  }

  function showIn(panel, loader, render) {
    panel.textContent = "";
    panel.appendChild(el("p", "Loading\u2026", "hint"));
    return loader.then(function (items) {
      panel.textContent = "";
      items.forEach(function (item) { if (item) render(panel, item); });
      panel.setAttribute("data-loaded", "1");
    }).catch(function (err) {
      panel.textContent = "";
      panel.appendChild(el("p", String(err), "error"));
    });
  }

  var ACTOR_PHYSICS = { gravitationalConstant: -5000, centralGravity: 0.6, springLength: 170, springConstant: 0.03,
                        avoidOverlap: 0.5 };
  var ORIGIN_PHYSICS = { gravitationalConstant: -2500, centralGravity: 1.0, springLength: 110, springConstant: 0.04,
                         avoidOverlap: 0.5 };

  function makeNetwork(container, nodes, edges, physics) {
    // nodes and edges: arrays, or vis.DataSets the caller keeps to change the view later
    if (Array.isArray(nodes)) nodes = new vis.DataSet(nodes);
    if (Array.isArray(edges)) edges = new vis.DataSet(edges);
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
      interaction: { hover: true, tooltipDelay: 150, navigationButtons: false },
      physics: { stabilization: { iterations: 600, fit: true }, barnesHut: physics || ACTOR_PHYSICS },
      layout: { randomSeed: 7 },  // the same picture on every load
      edges: { selectionWidth: 2 },
      nodes: { borderWidth: 1 }
    });
    // after the first layout (and after each later one that places newly shown actors) physics stops,
    // so the picture holds still while the analyst reads it
    var first = true;
    network.on("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      if (first) network.fit();
      first = false;
      container.setAttribute("data-ready", "1");
    });
    return network;
  }

  /* Actors shown for the first time (an expanded neighbourhood, a lower degree) get a place by a
   * short physics run near the focus, with everyone already placed held still. */
  function placeFresh(network, nodesSet, placed, fresh, focus) {
    var held = Object.keys(placed);
    var centre = focus ? network.getPositions([focus])[focus] : null;
    nodesSet.update(held.map(function (id) { return { id: id, fixed: { x: true, y: true } }; }));
    if (centre) {
      nodesSet.update(fresh.map(function (id, i) {
        var angle = 2 * Math.PI * i / fresh.length;
        return { id: id, x: centre.x + 120 * Math.cos(angle), y: centre.y + 120 * Math.sin(angle) };
      }));
    }
    network.once("stabilizationIterationsDone", function () {
      nodesSet.update(held.map(function (id) { return { id: id, fixed: { x: false, y: false } }; }));
    });
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(150);
  }

  /* What the analyst narrowed the drawn graph to, in the browser (no reload): relation chips,
   * a brushed date range, the least degree shown, and a double-clicked actor's neighbourhood. */
  function makeView(data, nodesSet, edgesSet, status, container) {
    var nodeById = {};
    data.nodes.forEach(function (node) { nodeById[node.id] = node; });
    var large = data.nodes.length > LARGE_GRAPH_NODES;
    var view = {
      relations: null, range: null, includeUndated: true, minDegree: large ? LARGE_MIN_DEGREE : 1,
      focus: null, network: null
    };
    var placed = {};  // actors that have a position from a layout
    function edgeKept(edge) {
      if (view.relations && !view.relations[edge.relation]) return false;
      if (view.range) {
        if (!edge.date) return view.includeUndated;
        if (edge.date > view.range[1] || (edge.date_end || edge.date) < view.range[0]) return false;
      }
      return true;
    }
    /* Labels go to the most connected actors shown (an expanded neighbourhood first), at LABEL_PX on
     * screen whatever the zoom, skipping any that would overlap one already placed: in a dense
     * cluster a few readable names beat twenty-five on top of each other. Run again on zoom. */
    view.scaleLabels = function () {
      var candidates = view.candidates || [];
      var network = view.network;
      var scale = network ? Math.max(network.getScale(), 0.05) : 1;
      var size = LABEL_PX / scale;
      var positions = network ? network.getPositions(candidates) : {};
      var boxes = [], chosen = {};
      candidates.forEach(function (id, rank) {
        var node = nodeById[id];
        if (!network) { if (rank < LABELLED_NODES) chosen[id] = true; return; }
        if (boxes.length >= view.labelLimit || !positions[id]) return;
        var centre = network.canvasToDOM(positions[id]);
        var w = node.label.length * LABEL_PX * 0.58, h = LABEL_PX * 1.3;
        var top = centre.y + nodeSize(node.mentions) * scale;
        var box = [centre.x - w / 2, top, centre.x + w / 2, top + h];
        var clash = boxes.some(function (b) { return box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]; });
        if (clash) return;
        boxes.push(box);
        chosen[id] = true;
      });
      view.labelled = Object.keys(chosen);
      nodesSet.update(candidates.map(function (id) {
        return { id: id, label: chosen[id] ? nodeById[id].label : "",
                 font: { size: size, strokeWidth: size / 5, strokeColor: "#ffffff" } };
      }));
    };
    view.apply = function () {
      var kept = data.edges.filter(edgeKept);
      var degree = {};
      kept.forEach(function (edge) {
        degree[edge.source] = (degree[edge.source] || 0) + 1;
        degree[edge.target] = (degree[edge.target] || 0) + 1;
      });
      var expanded = {};
      if (view.focus) {
        expanded[view.focus] = true;
        kept.forEach(function (edge) {
          if (edge.source === view.focus) expanded[edge.target] = true;
          if (edge.target === view.focus) expanded[edge.source] = true;
        });
      }
      var shownNodes = {};
      data.nodes.forEach(function (node) {
        if ((degree[node.id] || 0) >= view.minDegree || expanded[node.id]) shownNodes[node.id] = true;
      });
      var shownEdges = kept.filter(function (edge) { return shownNodes[edge.source] && shownNodes[edge.target]; });
      var linked = {};
      shownEdges.forEach(function (edge) { linked[edge.source] = linked[edge.target] = true; });
      if (view.focus) linked[view.focus] = true;
      // the actors shown, most connected first: who gets a label (scaleLabels)
      var ranked = Object.keys(linked).sort(function (a, b) {
        return (degree[b] || 0) - (degree[a] || 0) || (nodeById[b].mentions - nodeById[a].mentions);
      });
      var fresh = [];
      var updates = data.nodes.map(function (node) {
        var hidden = !linked[node.id];
        var dim = view.focus && !expanded[node.id];
        var style = TYPE_STYLE[node.type] || TYPE_STYLE.other;
        if (!hidden && !placed[node.id]) fresh.push(node.id);
        return { id: node.id, hidden: hidden, label: "", color: dim ? "#e4e4e4" : style.color };
      });
      nodesSet.update(updates);
      // label candidates, best first: the focus and its neighbours, else the most connected shown
      view.candidates = view.focus
        ? [view.focus].concat(ranked.filter(function (id) { return id !== view.focus && expanded[id]; }))
        : ranked.slice(0, 4 * LABELLED_NODES);
      view.labelLimit = view.focus ? 3 * LABELLED_NODES : LABELLED_NODES;
      view.scaleLabels();
      var shownIds = {};
      shownEdges.forEach(function (edge) { shownIds[edge.id] = true; });
      edgesSet.update(data.edges.map(function (edge) {
        var dim = view.focus && edge.source !== view.focus && edge.target !== view.focus;
        var color = RELATION_COLORS[edge.relation] || "#555555";
        return { id: edge.id, hidden: !shownIds[edge.id],
                 color: { color: dim ? "#eeeeee" : (edge.review === "rejected" ? "#cccccc" : color), highlight: color } };
      }));
      var undatedShown = shownEdges.filter(function (edge) { return !edge.date; }).length;
      var hiddenActors = data.nodes.length - Object.keys(linked).length;
      if (status) {
        status.textContent = Object.keys(linked).length + " actors, " + shownEdges.length + " edges";
        var notes = [];
        if (data.total_edges > data.edges.length) notes.push("the " + data.edges.length + " best sourced of " + data.total_edges + ": narrow the filters to see the rest");
        if (hiddenActors && view.minDegree > 1) notes.push(hiddenActors + " actors with fewer than " + view.minDegree + " claims hidden");
        if (view.range) notes.push(view.range[0] + " \u2013 " + view.range[1] + (undatedShown ? ", with " + undatedShown + " undated" : ""));
        if (view.focus) notes.push("neighbourhood of " + nodeById[view.focus].label + " (double-click the background to leave)");
        if (notes.length) status.textContent += " (" + notes.join("; ") + ")";
      }
      // what is drawn, for tests and scripts: the count of edges shown
      container.setAttribute("data-shown-edges", String(shownEdges.length));
      var network = view.network;
      if (network && fresh.length) placeFresh(network, nodesSet, placed, fresh, view.focus);
      fresh.forEach(function (id) { placed[id] = true; });
    };
    return view;
  }

  function startGraph(container) {
    var source = makeSource(container);
    var panel = document.getElementById("panel");
    var status = document.getElementById("graph-status");
    drawLegend(document.getElementById("legend"));
    container.setAttribute("data-node-cap", String(NODE_SIZE_CAP));
    source.graph().then(function (data) {
      var edgesById = {};
      data.edges.forEach(function (edge) { edgesById[edge.id] = edge; });
      var nodesSet = new vis.DataSet(data.nodes.map(toVisNode));
      var edgesSet = new vis.DataSet(toVisEdges(data.edges));
      var view = makeView(data, nodesSet, edgesSet, status, container);
      window.claimgraphView = view;
      // hide what the first view leaves out before the layout runs, so it lays out what is seen
      view.apply();
      var network = makeNetwork(container, nodesSet, edgesSet);
      view.network = network;
      network.on("zoom", view.scaleLabels);
      network.on("stabilizationIterationsDone", view.scaleLabels);
      window.claimgraphNetwork = network;  // tests and power users reach the network here
      drawRelationChips(document.getElementById("relation-chips"), data.edges, view);
      drawHistogram(document.getElementById("histogram"), data.edges, view);
      var minDegree = document.getElementById("min-degree");
      if (minDegree) {
        minDegree.value = String(view.minDegree);
        minDegree.addEventListener("change", function () {
          view.minDegree = Math.max(1, parseInt(minDegree.value, 10) || 1);
          view.apply();
        });
      }
      var undated = document.getElementById("include-undated");
      if (undated) undated.addEventListener("change", function () { view.includeUndated = undated.checked; view.apply(); });
      var clear = document.getElementById("clear-brush");
      if (clear) clear.addEventListener("click", function () {
        view.range = null;
        if (view.clearBrush) view.clearBrush();
        view.apply();
      });
      network.on("doubleClick", function (params) {
        view.focus = params.nodes.length ? params.nodes[0] : null;
        view.apply();
        if (view.focus) network.fit({ nodes: network.getConnectedNodes(view.focus).concat([view.focus]), animation: false });
        view.scaleLabels();
      });
      network.on("click", function (params) {
        if (!panel) return;
        if (params.nodes.length) {
          showIn(panel, Promise.all([source.entity(params.nodes[0])]),
                 function (p, entity) { renderEntity(p, entity, source.hrefs); });
        } else if (params.edges.length) {
          var edge = edgesById[params.edges[0]];
          showIn(panel, Promise.all(edge.groups.map(source.claim)),
                 function (p, claim) { renderClaim(p, claim, source.hrefs); });
        }
      });
      var search = document.getElementById("graph-search");
      if (search) {
        search.addEventListener("keydown", function (event) {
          if (event.key !== "Enter") return;
          event.preventDefault();
          var needle = search.value.trim().toLowerCase();
          var hits = data.nodes.filter(function (node) {
            return [node.label].concat(node.aliases || []).some(function (name) { return name.toLowerCase().indexOf(needle) >= 0; });
          }).map(function (node) { return node.id; });
          var shown = hits.filter(function (id) { return !nodesSet.get(id).hidden; });
          network.selectNodes(shown);
          if (shown.length) network.fit({ nodes: shown, animation: false });
          view.scaleLabels();
          if (status) status.textContent = hits.length + " actor(s) match" +
            (hits.length > shown.length ? " (" + (hits.length - shown.length) + " hidden by the view)" : "");
        });
      }
    }).catch(function (err) {
      if (status) status.textContent = String(err);
    });
  }

  function startOrigins(container) {
    fetchJSON(container.getAttribute("data-api")).then(function (data) {
      drawOrigins(container, data.origin_graph);
    });
  }

  function drawOrigins(container, origins) {
    var nodes = origins.nodes.map(function (node) {
      return { id: node.id, label: node.label, shape: node.kind === "outlet" ? "box" : "ellipse", font: { size: 16 },
               color: node.kind === "outlet" ? "#dde8f5" : "#f5e6d8", title: node.label + " (" + node.kind + ")" };
    });
    var edges = origins.edges.map(function (edge, i) {
      return { id: "o" + i, from: edge.source, to: edge.target, arrows: "to", label: edge.kind,
               dashes: edge.kind === "copies", font: { size: 10 }, title: edge.source_name + " " + edge.kind + " " + edge.target_name };
    });
    makeNetwork(container, nodes, edges, ORIGIN_PHYSICS);
  }

  function start() {
    document.querySelectorAll(".graph").forEach(function (container) {
      var mode = container.getAttribute("data-mode");
      if (mode === "origins") startOrigins(container);
      else if (mode === "embedded-origins") {
        var data = JSON.parse(document.getElementById(container.getAttribute("data-source")).textContent);
        drawOrigins(container, data.origin_graph);
      } else startGraph(container);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
