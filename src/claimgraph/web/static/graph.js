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

  function nodeSize(mentions) { return 10 + 5 * Math.sqrt(Math.max(mentions || 0, 0)); }

  function toVisNode(node) {
    var style = TYPE_STYLE[node.type] || TYPE_STYLE.other;
    var title = node.label + " (" + node.type + ", " + node.mentions + " mentions" +
      (node.rolled_up ? ", " + node.rolled_up + " parts rolled up" : "") + ")";
    return { id: node.id, label: node.label, shape: style.shape, color: style.color,
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
      graph: function () { return fetchJSON(api + window.location.search); },
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
    var network = new vis.Network(container, { nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges) }, {
      interaction: { hover: true, tooltipDelay: 150, navigationButtons: false },
      physics: { stabilization: { iterations: 600, fit: true }, barnesHut: physics || ACTOR_PHYSICS },
      layout: { randomSeed: 7 },  // the same picture on every load
      edges: { selectionWidth: 2 },
      nodes: { borderWidth: 1 }
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      network.fit();
      container.setAttribute("data-ready", "1");
    });
    return network;
  }

  function startGraph(container) {
    var source = makeSource(container);
    var panel = document.getElementById("panel");
    var status = document.getElementById("graph-status");
    drawLegend(document.getElementById("legend"));
    source.graph().then(function (data) {
      if (status) {
        status.textContent = data.nodes.length + " actors, " + data.edges.length + " edges";
        if (data.total_edges > data.edges.length) {
          status.textContent += " (the " + data.edges.length + " best sourced of " + data.total_edges + ": narrow the filters to see the rest)";
        }
      }
      var edgesById = {};
      data.edges.forEach(function (edge) { edgesById[edge.id] = edge; });
      var network = makeNetwork(container, data.nodes.map(toVisNode), toVisEdges(data.edges));
      window.claimgraphNetwork = network;  // tests and power users reach the network here
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
          network.selectNodes(hits);
          if (hits.length) network.fit({ nodes: hits, animation: false });
          if (status) status.textContent = hits.length + " actor(s) match";
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
