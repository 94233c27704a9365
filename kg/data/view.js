// Draws the graph embedded in #kg-data with vis-network. Positions come from
// Python, physics stays off, so the first frame is the final picture.
// Every label and tooltip is a plain string: vis-network draws labels on the
// canvas and puts string titles in the tooltip with innerText, never as HTML.
//
// Big views (kg.draw.page.LINES) come with their edges under `lines`: they are
// stroked here, under the nodes, in one canvas path per frame instead of being
// built as vis-network edges (the slowest part of a 20,000-node page), and
// nodes other than the most important few carry their label as `name`, set
// as a vis-network label once the user zooms in far enough to read it.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.kgNetwork = network;
  var lines = data.lines ? drawLines(network, data.lines, data.options.edges.color) : null;
  window.kgLines = lines;  // {count: lines drawn in the last frame, lines: their data}, or null
  if (lines) labelOnZoom(network, nodes, data.nodes);
  network.once("afterDrawing", function () {
    var drawn = {
      nodes: network.body.nodeIndices.length,
      edges: network.body.edgeIndices.length + (lines ? lines.count : 0),
      lines: lines ? lines.count : 0,
      ms: Math.round(performance.now())
    };
    window.__kgDrawn = drawn;
    document.body.setAttribute("data-kg-drawn", JSON.stringify(drawn));
  });

  // Straight lines for `list` ({from, to, ...}) under the nodes; those of selected nodes darker.
  // Lines of hidden nodes are left out, so hiding nodes works as with vis-network edges.
  function drawLines(network, list, color) {
    var from = new Int32Array(list.length), to = new Int32Array(list.length), touching = {};
    list.forEach(function (e, i) {
      from[i] = e.from;
      to[i] = e.to;
      (touching[e.from] = touching[e.from] || []).push(i);
      (touching[e.to] = touching[e.to] || []).push(i);
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
        if (touching[id]) stroke(ctx, touching[id], color.highlight, 2);
      });
    });
    return state;
  }

  // Labels for nodes in view whose name would be drawn at least `readable` pixels high.
  function labelOnZoom(network, nodes, items) {
    var waiting = items.filter(function (n) { return n.name !== undefined; });
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
  }
})();
