// The reader's tools on a view drawn by view.js (window.kgPage): a search box that folds names as
// kg.analyse.lookup does, legend and isolated-node and importance filters, and the side panel with each
// entity's card (its facts with the other entity, the sentences that state them, their articles).
// Every text from the graph goes into the page with textContent: nothing from the data is ever HTML or code.
(function () {
  "use strict";
  var page = window.kgPage, data = page.data, items = page.items, byId = page.byId, rank = page.rank;
  var nodes = page.nodes, edges = page.edges, network = page.network, lines = page.lines;
  var touching = page.touching, hidden = page.hidden, relabel = page.relabel, topLabels = page.topLabels;
  network.once("afterDrawing", function () {
    setTimeout(searchKeys, 0);  // fold every name once, after the first frame: the first keystroke finds at once
  });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fullName(n) { return n.full || n.label || n.name || ""; }
  function typeName(n) { return data.types[n.group] || n.group; }

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
    page.select(id);
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
      page.select(p.nodes[0]);
      showCard(p.nodes[0]);
    } else if (p.edges.length) {
      showEdge(p.edges[0]);
    } else {
      page.select(null);
    }
  });

  window.kgView = { norm: norm, search: search, focus: focusNode, card: showCard };
})();
