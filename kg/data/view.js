// Draws the graph embedded in #kg-data with vis-network so that it reads well: the first view fits the
// largest connected part, the most important names stay legible at any zoom, relation names show on hover.
// (view_panel.js adds the search box, the filters and the entity-card panel.)
// Positions come from Python, physics stays off, so the first frame is the final picture.
// Every text from the graph is a plain string: vis-network draws labels on the canvas and puts string
// titles in its tooltip with innerText. Nothing from the data is ever HTML or code.
//
// Big views (kg.draw.page.LINES) come with their edges under `lines`: they are stroked here, under the
// nodes, in one canvas path per frame instead of being built as vis-network edges, and nodes other than
// the most important few carry their label as `name`, set as a vis-network label on zooming in.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var items = data.nodes, byId = {}, rank = {};
  items.forEach(function (n) { byId[n.id] = n; });
  data.order.forEach(function (id, i) { rank[id] = i; });
  var isTop = {};
  data.top.forEach(function (id) { isTop[id] = true; });
  var hidden = {};
  items.forEach(function (n) { if (n.hidden) hidden[n.id] = true; });
  var container = document.getElementById("kg-network");
  var first = firstView(), copies = items.map(copy);
  if (first) {  // the top labels' first size is set before vis-network sees the nodes: no update to redo
    copies.forEach(function (c) { if (topFont(c, first.scale)) c.font = { size: topFont(c, first.scale) }; });
  }
  var nodes = new vis.DataSet(copies);
  var edges = new vis.DataSet(data.edges.map(copy));
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  if (first) network.moveTo({ position: first.position, scale: first.scale, animation: false });
  window.kgNetwork = network;
  var lines = data.lines ? drawLines(network, data.lines, data.options.edges.color) : null;
  window.kgLines = lines;  // {count: lines drawn in the last frame, lines: their data}, or null
  var relabel = lines ? labelOnZoom(network, nodes, items) : function () {};
  var allEdges = data.lines || data.edges, touching = {};
  allEdges.forEach(function (e) {
    (touching[e.from] = touching[e.from] || []).push(e);
    if (e.to !== e.from) (touching[e.to] = touching[e.to] || []).push(e);
  });

  network.on("zoom", topLabels);
  network.once("afterDrawing", function () {
    var drawn = {
      nodes: network.body.data.nodes.length,
      visible: network.body.nodeIndices.length,
      edges: network.body.data.edges.length + (lines ? lines.lines.length : 0),
      lines: lines ? lines.count : 0,
      ms: Math.round(performance.now())
    };
    window.__kgDrawn = drawn;
    document.body.setAttribute("data-kg-drawn", JSON.stringify(drawn));
  });

  function copy(o) { var c = {}; for (var k in o) c[k] = o[k]; return c; }

  // ------------------------------------------------------------------ reading: first view, labels
  // The first view fits the largest connected part (and the ten most important nodes). It is computed
  // from the embedded positions, not by network.fit(), which would measure every node's label once
  // more before the first frame (a second or more for 20,000 nodes).
  function firstView() {
    var box = container.getBoundingClientRect(), minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    data.main.forEach(function (id) {
      var n = byId[id];
      if (hidden[id]) return;
      minX = Math.min(minX, n.x - n.size); maxX = Math.max(maxX, n.x + n.size);
      minY = Math.min(minY, n.y - n.size); maxY = Math.max(maxY, n.y + n.size);
    });
    if (!(minX <= maxX) || !box.width || !box.height) return null;
    var scale = Math.min(1, box.width / ((maxX - minX) * 1.1 || 1), box.height / ((maxY - minY) * 1.1 || 1));
    return { position: { x: (minX + maxX) / 2, y: (minY + maxY) / 2 }, scale: scale };
  }

  // The most important nodes keep their label at least data.minLabel pixels high at any zoom.
  function topFont(n, scale) {
    var base = n.font ? n.font.size : n.fontSize;
    if (!isTop[n.id] || base === undefined || n.label === undefined) return 0;
    return Math.max(base, data.minLabel / scale);
  }
  // On zooming, set on vis-network's own nodes (a DataSet update would re-examine every node and edge).
  function topLabels() {
    var scale = network.getScale();
    data.top.forEach(function (id) {
      var size = topFont(byId[id], scale), node = network.body.nodes[id];
      if (size && node) node.setOptions({ font: { size: size } });
    });
    network.body.emitter.emit("_requestRedraw");  // one frame, when the browser next paints
  }

  // Relation names on hover (and for the selected node) when there are too many to show at once.
  var edgeLabelled = {}, hoverNode = null, hoverEdge = null, selected = null;
  function select(id) { selected = id; edgeLabels(); }
  function edgeLabels() {
    if (!data.hoverLabels || lines) return;
    var want = {};
    [hoverNode, selected].forEach(function (id) {
      if (id !== null) (touching[id] || []).forEach(function (e) { want[e.id] = true; });
    });
    if (hoverEdge !== null) want[hoverEdge] = true;
    // Set on vis-network's own edges: a DataSet update would re-examine every edge (a quarter second at 4,000);
    // a blank label stands for none (vis-network's Edge.setOptions does not unset one).
    var changed = false, all = network.body.edges;
    for (var id in want) {
      if (!edgeLabelled[id] && all[id]) { all[id].setOptions({ label: data.edges[id].rel }); changed = true; }
    }
    for (var old in edgeLabelled) {
      if (!want[old] && all[old]) { all[old].setOptions({ label: " " }); changed = true; }
    }
    edgeLabelled = want;
    if (changed) network.body.emitter.emit("_requestRedraw");
  }
  network.on("hoverNode", function (p) { hoverNode = p.node; edgeLabels(); });
  network.on("blurNode", function () { hoverNode = null; edgeLabels(); });
  network.on("hoverEdge", function (p) { hoverEdge = p.edge; edgeLabels(); });
  network.on("blurEdge", function () { hoverEdge = null; edgeLabels(); });


  // What view_panel.js (search, filters, the card panel) works with.
  window.kgPage = {
    data: data, items: items, byId: byId, rank: rank, nodes: nodes, edges: edges, network: network, lines: lines,
    touching: touching, hidden: hidden, relabel: relabel, topLabels: topLabels, select: select
  };

  // ------------------------------------------------------------------ big views
  // Straight lines for `list` ({from, to, ...}) under the nodes; those of selected nodes darker.
  // Lines of hidden nodes are left out, so hiding nodes works as with vis-network edges.
  function drawLines(network, list, color) {
    var from = new Int32Array(list.length), to = new Int32Array(list.length), at = {};
    list.forEach(function (e, i) {
      from[i] = e.from;
      to[i] = e.to;
      (at[e.from] = at[e.from] || []).push(i);
      (at[e.to] = at[e.to] || []).push(i);
    });
    var state = { count: 0, lines: list };
    function stroke(ctx, indices, style, width) {
      var all = network.body.nodes, count = 0;
      ctx.beginPath();
      for (var k = 0; k < indices.length; k++) {
        var i = indices[k], a = all[from[i]], b = all[to[i]];
        if (!a || !b || a.options.hidden || b.options.hidden) continue;
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
        count++;
      }
      ctx.strokeStyle = style;
      ctx.lineWidth = width / network.getScale();
      ctx.stroke();
      return count;
    }
    var every = new Int32Array(list.length);
    for (var i = 0; i < every.length; i++) every[i] = i;
    network.on("beforeDrawing", function (ctx) {
      state.count = stroke(ctx, every, color.color, 1);
      network.getSelectedNodes().forEach(function (id) {
        if (at[id]) stroke(ctx, at[id], color.highlight, 2);
      });
    });
    return state;
  }

  // Labels for nodes in view whose name would be drawn at least `readable` pixels high.
  function labelOnZoom(network, nodes, list) {
    var waiting = list.filter(function (n) { return n.name !== undefined; });
    var readable = 6, timer = null;
    function label() {
      timer = null;
      var scale = network.getScale(), box = container.getBoundingClientRect();
      var low = network.DOMtoCanvas({ x: 0, y: 0 }), high = network.DOMtoCanvas({ x: box.width, y: box.height });
      var batch = [], rest = [];
      waiting.forEach(function (n) {
        var at = network.body.nodes[n.id];
        if (batch.length < 2000 && at && n.fontSize * scale >= readable &&
            at.x >= low.x && at.x <= high.x && at.y >= low.y && at.y <= high.y) {
          batch.push({ id: n.id, label: n.name, font: { size: n.fontSize } });
        } else {
          rest.push(n);
        }
      });
      waiting = rest;
      if (batch.length) nodes.update(batch);
    }
    function later() {
      if (timer === null && waiting.length) timer = setTimeout(label, 150);
    }
    network.on("zoom", later);
    network.on("dragEnd", later);
    return later;
  }
})();
