// Draws the graph embedded in #kg-data with vis-network. Positions come from
// Python, physics stays off, so the first frame is the final picture.
// Every label and tooltip is a plain string: vis-network draws labels on the
// canvas and puts string titles in the tooltip with innerText, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.kgNetwork = network;
  network.once("afterDrawing", function () {
    var drawn = {
      nodes: network.body.nodeIndices.length,
      edges: network.body.edgeIndices.length,
      ms: Math.round(performance.now())
    };
    window.__kgDrawn = drawn;
    document.body.setAttribute("data-kg-drawn", JSON.stringify(drawn));
  });
})();
