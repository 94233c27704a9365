// Draws the graph embedded in #kg-data with vis-network, and gives it the tools a reader needs:
// a search box, class and importance filters, labels that stay legible, and a side panel with each
// entity's card (its facts, the sentences that state them, their articles).
// Positions come from Python, physics stays off, so the first frame is the final picture.
// Every text from the graph is a plain string: vis-network draws labels on the canvas and puts string
// titles in its tooltip with innerText; the panel and the search results use textContent. Nothing from
// the data is ever HTML or code.
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
  var nodes = new vis.DataSet(items.map(copy));
  var edges = new vis.DataSet(data.edges.map(copy));
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.kgNetwork = network;
  var lines = data.lines ? drawLines(network, data.lines, data.options.edges.color) : null;
  window.kgLines = lines;  // {count: lines drawn in the last frame, lines: their data}, or null
  var relabel = lines ? labelOnZoom(network, nodes, items) : function () {};
  var allEdges = data.lines || data.edges, touching = {};
  allEdges.forEach(function (e) {
    (touching[e.from] = touching[e.from] || []).push(e);
    if (e.to !== e.from) (touching[e.to] = touching[e.to] || []).push(e);
  });
  var hidden = {};
  items.forEach(function (n) { if (n.hidden) hidden[n.id] = true; });

  firstView();
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
    setTimeout(searchKeys, 0);  // fold every name once, after the first frame: the first keystroke finds at once
    document.body.setAttribute("data-kg-drawn", JSON.stringify(drawn));
  });

  function copy(o) { var c = {}; for (var k in o) c[k] = o[k]; return c; }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fullName(n) { return n.full || n.label || n.name || ""; }
  function typeName(n) { return data.types[n.group] || n.group; }

  // ------------------------------------------------------------------ reading: first view, labels
  // Fit the largest connected part (and the ten most important nodes), then size the top labels.
  function firstView() {
    var main = data.main.filter(function (id) { return !hidden[id]; });
    if (main.length) network.fit({ nodes: main, animation: false });
    topLabels();
  }

  // The most important nodes keep their label at least data.minLabel pixels high at any zoom.
  function topLabels() {
    var scale = network.getScale(), batch = [];
    data.top.forEach(function (id) {
      var n = byId[id], base = n.font ? n.font.size : n.fontSize;
      if (base === undefined || n.label === undefined) return;
      batch.push({ id: id, font: { size: Math.max(base, data.minLabel / scale) } });
    });
    if (batch.length) nodes.update(batch);
  }

  // Relation names on hover (and for the selected node) when there are too many to show at once.
  var edgeLabelled = {}, hoverNode = null, hoverEdge = null, selected = null;
  function edgeLabels() {
    if (!data.hoverLabels || lines) return;
    var want = {};
    [hoverNode, selected].forEach(function (id) {
      if (id !== null) (touching[id] || []).forEach(function (e) { want[e.id] = true; });
    });
    if (hoverEdge !== null) want[hoverEdge] = true;
    var batch = [];
    for (var id in want) if (!edgeLabelled[id]) batch.push({ id: +id, label: edges.get(+id).rel });
    for (var old in edgeLabelled) if (!want[old]) batch.push({ id: +old, label: "" });
    edgeLabelled = want;
    if (batch.length) edges.update(batch);
  }
  network.on("hoverNode", function (p) { hoverNode = p.node; edgeLabels(); });
  network.on("blurNode", function () { hoverNode = null; edgeLabels(); });
  network.on("hoverEdge", function (p) { hoverEdge = p.edge; edgeLabels(); });
  network.on("blurEdge", function () { hoverEdge = null; edgeLabels(); });

  // ------------------------------------------------------------------ filtering
  var off = {}, showIsolated = data.isolatedShown, topN = items.length, pinned = {};
  var visibleLine = document.getElementById("kg-visible");
  function wanted(n) {
    if (pinned[n.id]) return true;
    return !off[n.group] && (showIsolated || !n.iso) && rank[n.id] < topN;
  }
  function applyFilters() {
    var batch = [];
    items.forEach(function (n) {
      var hide = !wanted(n);
      if (!!hidden[n.id] !== hide) {
        if (hide) hidden[n.id] = true; else delete hidden[n.id];
        batch.push({ id: n.id, hidden: hide });
      }
    });
    if (batch.length) nodes.update(batch);
    status();
  }
  function status() {
    var shown = items.length - Object.keys(hidden).length;
    visibleLine.textContent = "显示 " + shown + " / " + items.length + " 个节点";
    document.body.setAttribute("data-kg-visible", String(shown));
  }
  status();
  Array.prototype.forEach.call(document.querySelectorAll("#kg-types button.kg-type"), function (b) {
    b.addEventListener("click", function () {
      var g = b.getAttribute("data-group");
      if (off[g]) delete off[g]; else off[g] = true;
      b.setAttribute("aria-pressed", off[g] ? "false" : "true");
      applyFilters();
    });
  });
  var isoBox = document.getElementById("kg-isolated");
  if (!items.some(function (n) { return n.iso; })) document.getElementById("kg-isolated-row").hidden = true;
  isoBox.checked = showIsolated;
  isoBox.addEventListener("change", function () { showIsolated = isoBox.checked; applyFilters(); });
  if (data.slider) {
    var rankRow = document.getElementById("kg-rank"), input = document.getElementById("kg-rank-input");
    var shownValue = document.getElementById("kg-rank-value"), timer = null;
    rankRow.hidden = false;
    input.addEventListener("input", function () {
      shownValue.textContent = input.value;
      clearTimeout(timer);
      timer = setTimeout(function () { topN = +input.value; applyFilters(); }, 60);
    });
  }

  // ------------------------------------------------------------------ search
  var drop = {}, keys = null;
  Array.prototype.forEach.call(data.drop, function (c) { drop[c] = true; });
  // As kg.analyse.lookup.normalise: NFKC, quotes and spaces dropped, Traditional -> Simplified, lower case.
  function norm(text) {
    var out = "";
    Array.prototype.forEach.call(String(text).normalize("NFKC"), function (c) {
      if (!drop[c]) out += data.t2s[c] || c;
    });
    return out.toLowerCase();
  }
  function searchKeys() {
    if (keys === null) {
      keys = items.map(function (n) {
        return [norm(fullName(n))].concat((n.aliases || []).map(norm));
      });
    }
  }
  function search(query) {
    var q = norm(query), found = [];
    if (!q) return found;
    searchKeys();
    items.forEach(function (n, i) {
      var best = null;
      keys[i].forEach(function (k, j) {
        var at = k.indexOf(q);
        if (at < 0) return;
        var score = (k === q ? 0 : at === 0 ? 1 : 2) * 2 + (j > 0 ? 1 : 0);
        if (best === null || score < best.score) best = { score: score, alias: j > 0 ? n.aliases[j - 1] : null };
      });
      if (best) found.push({ id: n.id, score: best.score, alias: best.alias });
    });
    found.sort(function (a, b) { return a.score - b.score || rank[a.id] - rank[b.id]; });
    return found;
  }
  var box = document.getElementById("kg-search"), results = document.getElementById("kg-results");
  var current = [];
  box.addEventListener("input", function () {
    current = search(box.value).slice(0, 12);
    results.textContent = "";
    current.forEach(function (m) {
      var n = byId[m.id], li = el("li"), b = el("button");
      b.type = "button";
      b.setAttribute("data-id", String(m.id));
      b.appendChild(el("span", fullName(n)));
      b.appendChild(el("span", " · " + typeName(n) + (m.alias ? "（别名：" + m.alias + "）" : ""), "kg-kind"));
      b.addEventListener("click", function () { choose(m.id); });
      li.appendChild(b);
      results.appendChild(li);
    });
    if (box.value && !current.length) results.appendChild(el("li", "没有找到", "kg-muted"));
  });
  box.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && current.length) { e.preventDefault(); choose(current[0].id); }
    if (e.key === "Escape") { box.value = ""; results.textContent = ""; current = []; }
  });
  function choose(id) {
    results.textContent = "";
    current = [];
    focusNode(id);
  }

  // Centre a node, select it with its neighbours, open its card (a hidden node is shown again).
  function focusNode(id) {
    if (hidden[id]) { pinned[id] = true; applyFilters(); }
    var near = {};
    (touching[id] || []).forEach(function (e) { near[e.from] = near[e.to] = true; });
    delete near[id];
    var ids = [id].concat(Object.keys(near).map(Number).filter(function (k) { return !hidden[k]; }));
    network.selectNodes(ids, !lines);
    selected = id;
    edgeLabels();
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: false });
    topLabels();
    relabel();
    window.kgFocused = id;
    document.body.setAttribute("data-kg-focused", String(id));
    showCard(id);
  }

  // ------------------------------------------------------------------ the entity card panel
  var cards = data.cards, strings = cards.strings;
  var panel = document.getElementById("kg-card"), body = document.getElementById("kg-card-body");
  panel.querySelector(".kg-close").addEventListener("click", function () { panel.hidden = true; });
  function str(i) { return i >= 0 ? strings[i] : ""; }
  function goButton(id) {
    var b = el("button", fullName(byId[id]), "kg-go");
    b.type = "button";
    b.setAttribute("data-id", String(id));
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }
  function factBlock(f, withOther) {
    var div = el("div", null, "kg-fact"), head = el("div");
    head.appendChild(el("span", (f[0] > 0 ? "→ " : f[0] < 0 ? "← " : "") + f[1] + "："));
    if (withOther && f[3] >= 0) head.appendChild(goButton(f[3]));
    else head.appendChild(el("span", f[3] >= 0 ? fullName(byId[f[3]]) : f[2]));
    if (f[4]) head.appendChild(el("span", "（职务：" + f[4] + "）"));
    div.appendChild(head);
    if (f[5]) div.appendChild(el("div", "「" + f[5] + "」", "kg-sentence"));
    if (f[6]) div.appendChild(el("div", "来源：" + f[6], "kg-muted"));
    return div;
  }
  // A node's card with its facts as arrays [direction, relation, value, other, title, sentence, article] of
  // plain strings (and node ids); cards made from the graph keep the facts between nodes per edge.
  function cardOf(id) {
    var card = cards.nodes[String(id)] || {}, facts = (card.facts || []).map(function (f) {
      return [f[0], str(f[1]), str(f[2]), f[3], str(f[4]), str(f[5]), str(f[6])];
    });
    if (cards.edges) {
      (touching[id] || []).forEach(function (e) {
        var row = cards.edges[e.id] || [-1], rel = e.label || e.rel, out = e.from === id ? 1 : -1;
        var other = out > 0 ? e.to : e.from;
        if (row.length === 1) facts.push([out, rel, "", other, str(row[0]), "", ""]);
        for (var i = 1; i < row.length; i += 2) facts.push([out, rel, "", other, str(row[0]), str(row[i]), str(row[i + 1])]);
      });
    }
    return { aliases: card.aliases || byId[id].aliases || [], articles: card.articles || [], facts: facts };
  }
  function showCard(id) {
    var n = byId[id], card = cardOf(id);
    body.textContent = "";
    body.appendChild(el("h2", fullName(n)));
    body.appendChild(el("div", "类型：" + typeName(n) + "（" + n.group + "）"));
    if (card.aliases.length) body.appendChild(el("div", "别名：" + card.aliases.join("、")));
    if (card.articles.length) {
      body.appendChild(el("h3", "提及的文章（" + card.articles.length + "）"));
      card.articles.forEach(function (a) {
        body.appendChild(el("div", str(a[0]) + (a[1] >= 0 ? " — " + str(a[1]) : ""), "kg-muted"));
      });
    }
    var mine = (data.links || []).filter(function (l) { return l[0] === id || l[1] === id; });
    if (mine.length) {
      body.appendChild(el("h3", (mine[0][0] === id ? "关联的政策计划" : "关联的企业") + "（" + mine.length + " 条路径）"));
      mine.forEach(function (l) { body.appendChild(chainBlock(l[2])); });
    }
    body.appendChild(el("h3", "事实与证据（" + card.facts.length + "）"));
    card.facts.forEach(function (f) { body.appendChild(factBlock(f, true)); });
    if (!card.facts.length) body.appendChild(el("div", "没有记录的事实", "kg-muted"));
    body.appendChild(el("div", cards.source === "store" ? "卡片来自 entity_card 查询" : "卡片来自图投影的证据",
                        "kg-muted"));
    panel.hidden = false;
    panel.setAttribute("data-id", String(id));
    panel.scrollTop = 0;
  }
  // The facts that tie a and b (from a's card, then those only b's card has).
  function between(a, b) {
    var out = [], seen = {};
    cardOf(a).facts.forEach(function (f) {
      if (f[3] === b) { out.push([a, f]); seen[f[1] + "/" + f[5]] = true; }
    });
    cardOf(b).facts.forEach(function (f) {
      if (f[3] === a && !seen[f[1] + "/" + f[5]]) out.push([b, f]);
    });
    return out;
  }
  function chainBlock(chain) {
    var div = el("div", null, "kg-chain"), head = el("div");
    chain.forEach(function (id, i) {
      if (i) head.appendChild(el("span", " — "));
      head.appendChild(goButton(id));
    });
    div.appendChild(head);
    for (var i = 1; i < chain.length; i++) {
      between(chain[i - 1], chain[i]).forEach(function (pair) {
        var f = pair[1], line = el("div", null, "kg-fact");
        line.appendChild(el("div", fullName(byId[pair[0]]) + " " + (f[0] > 0 ? "→" : "←") + f[1] + " "
                                   + fullName(byId[f[3]])));
        if (f[5]) line.appendChild(el("div", "「" + f[5] + "」", "kg-sentence"));
        if (f[6]) line.appendChild(el("div", "来源：" + f[6], "kg-muted"));
        div.appendChild(line);
      });
    }
    return div;
  }
  function showEdge(edgeId) {
    var e = edges.get(edgeId);
    body.textContent = "";
    body.appendChild(el("h2", fullName(byId[e.from]) + " —" + (e.label || e.rel) + "→ " + fullName(byId[e.to])));
    var pairs = between(e.from, e.to);
    body.appendChild(el("h3", "证据（" + pairs.length + "）"));
    pairs.forEach(function (pair) { body.appendChild(factBlock(pair[1], true)); });
    var ends = el("div");
    ends.appendChild(goButton(e.from));
    ends.appendChild(el("span", " · "));
    ends.appendChild(goButton(e.to));
    body.appendChild(ends);
    panel.hidden = false;
    panel.setAttribute("data-id", "edge:" + edgeId);
  }
  network.on("click", function (p) {
    if (p.nodes.length) {
      selected = p.nodes[0];
      edgeLabels();
      showCard(p.nodes[0]);
    } else if (p.edges.length) {
      showEdge(p.edges[0]);
    } else {
      selected = null;
      edgeLabels();
    }
  });

  window.kgView = { norm: norm, search: search, focus: focusNode, card: showCard };

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
