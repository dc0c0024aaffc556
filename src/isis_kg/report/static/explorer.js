/* isis-kg explorer: renders the build's data (the JSON in #explorer-data) as text, never as HTML.
 * Each view is drawn when it is first opened, long lists a hundred rows at a time as they scroll
 * into sight, so that a page of a large build opens as fast as one of a small build. */
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("explorer-data").textContent);
  var N = D.nodes, F = D.facts, T = D.texts;
  // a node: [key, label, kind, classes, aliases, labels, wikidata [[text, page or null]], documents]
  // a fact: [subject, relation, object, object is a node, evidence, document, cited, confidence,
  //          hedged, pattern, asserted on, how many documents state it]
  var S = 0, P = 1, O = 2, IS_NODE = 3, EVIDENCE = 4, DOC = 5, CITED = 6, CONF = 7, HEDGED = 8, PATTERN = 9,
    ASSERTED = 10, SUPPORT = 11;
  var LOW = D.lowConfidence, PAGE = 100;
  var WIKIDATA_PAGE = /^https?:\/\/www\.wikidata\.org\/wiki\/Q[1-9][0-9]*$/;
  var CLASS_COLOURS = { "ikg:Organisation": "#c0392b", "ikg:Franchise": "#e67e22", "ikg:Region": "#2e86c1",
    "ikg:Person": "#27ae60" };
  var RELATION_COLOURS = ["#8e44ad", "#5d6d7e", "#16a085", "#b7950b", "#d35400", "#e84393", "#273746", "#1abc9c",
    "#a04000", "#7d3c98"];
  var explorer = window.explorer = { cy: null };  // the network, once drawn (for a console, and the tests)
  var documentOf = {};
  D.documents.forEach(function (d) { documentOf[d[0]] = d; });
  var today = new Date().toISOString().slice(0, 10);

  // --- small helpers -------------------------------------------------------------------------
  function el(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attributes[name]; }
      else if (name === "cls") { node.className = attributes[name]; }
      else { node.setAttribute(name, attributes[name]); }
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) { continue; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }
  function label(i) { return N[i][1]; }
  function plain(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function relation(f) { return T[f[P]]; }
  function nodeButton(i) {
    var b = el("button", { type: "button", cls: "link node-link", "data-node": N[i][0], text: label(i) });
    b.addEventListener("click", function () { openCard(i); });
    return b;
  }
  function objectPart(f) { return f[IS_NODE] && typeof f[O] === "number" ? nodeButton(f[O]) : el("span", { text: String(f[O]) }); }
  function table(head, rows, id) {
    var top = el("tr"), body = el("tbody");
    head.forEach(function (h) { top.appendChild(el("th", { text: h })); });
    rows.forEach(function (row) { body.appendChild(row); });
    return el("table", id ? { id: id } : {}, el("thead", {}, top), body);
  }
  function cells(values, numeric) {
    var tr = el("tr");
    values.forEach(function (v, i) {
      tr.appendChild(typeof v === "object" && v !== null ? el("td", {}, v)
        : el("td", { cls: numeric && numeric.indexOf(i) >= 0 ? "number" : "", text: String(v) }));
    });
    return tr;
  }
  function precision(date) { return date.length === 4 ? "year" : date.length === 7 ? "month" : "day"; }

  // facts by the nodes they are about, built once when first needed
  var factsOf = null;
  function factsAbout(i) {
    if (factsOf === null) {
      factsOf = {};
      F.forEach(function (f, k) {
        (factsOf[f[S]] = factsOf[f[S]] || []).push(k);
        if (f[IS_NODE] && typeof f[O] === "number" && f[O] !== f[S]) { (factsOf[f[O]] = factsOf[f[O]] || []).push(k); }
      });
    }
    return factsOf[i] || [];
  }

  // --- curation snippets (entries for the decisions: list of curation.yaml) -------------------
  var reviewer = { by: "", reason: "" };
  function yamlEntry(fields) {
    var all = fields.concat([["by", reviewer.by || "YOUR NAME"], ["date", today], ["reason", reviewer.reason || "WHY"]]);
    return all.map(function (pair, i) {
      return (i === 0 ? "  - " : "    ") + pair[0] + ": " + JSON.stringify(String(pair[1]));
    }).join("\n") + "\n";
  }
  function rejectFields(f) {
    var object = f[IS_NODE] && typeof f[O] === "number" ? N[f[O]][0] : String(f[O]);
    if (!(f[IS_NODE] || /^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/.test(object))) { return null; }
    return [["action", "reject"], ["subject", N[f[S]][0]], ["predicate", relation(f)], ["object", object]];
  }
  function snippet(make) {
    var pre = el("pre", { cls: "snippet" });
    pre.refresh = function () { pre.textContent = make(); };
    pre.refresh();
    var copy = el("button", { type: "button", text: "Copy" });
    copy.addEventListener("click", function () {
      var done = function () { copy.textContent = "Copied"; };
      if (navigator.clipboard) { navigator.clipboard.writeText(pre.textContent).then(done, function () { select(pre); }); }
      else { select(pre); }
    });
    return el("div", {}, pre, copy);
  }
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
  }
  function refreshSnippets(root) { root.querySelectorAll("pre.snippet").forEach(function (pre) { pre.refresh(); }); }
  function reviewerFields(root) {
    var fields = el("div", { cls: "curation-fields" });
    [["by", "Your name"], ["reason", "Reason"]].forEach(function (pair) {
      var input = el("input", { type: "text", placeholder: pair[1], "aria-label": pair[1] });
      input.value = reviewer[pair[0]];
      input.addEventListener("input", function () { reviewer[pair[0]] = input.value; refreshSnippets(root); });
      fields.appendChild(el("label", {}, pair[1] + " ", input));
    });
    return fields;
  }

  // --- one fact, as a card and the queue show it ---------------------------------------------
  function factItem(k) {
    var f = F[k];
    var claim = el("p", { cls: "claim" }, nodeButton(f[S]), " ", el("span", { cls: "relation", text: relation(f) }), " ",
      objectPart(f));
    if (f[HEDGED]) { claim.appendChild(el("span", { cls: "badge hedged", text: "hedged" })); }
    if (f[CONF] !== null && f[CONF] < LOW) { claim.appendChild(el("span", { cls: "badge low", text: "low confidence" })); }
    if (f[SUPPORT] === 1) { claim.appendChild(el("span", { cls: "badge single", text: "one document" })); }
    var doc = documentOf[f[DOC]];
    var said = f[ASSERTED] || (doc ? doc[2] : "");
    var meta = el("p", { cls: "meta" }, "Document: ", nodeButton(f[DOC]), said ? " (" + said + ")" : "");
    if (f[CITED].length) {
      meta.appendChild(document.createTextNode(" · Cites: "));
      f[CITED].forEach(function (c, i) { if (i) { meta.appendChild(document.createTextNode("; ")); } meta.appendChild(nodeButton(c)); });
    }
    meta.appendChild(el("span", { cls: "pattern", text: " · Pattern: " + T[f[PATTERN]] }));
    meta.appendChild(el("span", { cls: "confidence",
      text: " · Confidence: " + (f[CONF] === null ? "not scored" : f[CONF].toFixed(2)) + (f[HEDGED] ? ", hedged" : "") }));
    meta.appendChild(document.createTextNode(" · Stated by " + f[SUPPORT] + " document" + (f[SUPPORT] === 1 ? "" : "s")));
    var item = el("li", { cls: "fact" + (f[HEDGED] ? " hedged" : ""), "data-fact": String(k),
      "data-confidence": f[CONF] === null ? "" : String(f[CONF]) },
      claim, el("blockquote", { cls: "evidence", text: T[f[EVIDENCE]] }), meta);
    var fields = rejectFields(f);
    var details = el("details", { cls: "curation" }, el("summary", { text: fields ? "Reject this fact (curation.yaml)"
      : "This fact's object is a value no decision names" }));
    if (fields) {
      details.addEventListener("toggle", function () {
        if (details.open && !details.querySelector("pre")) { details.appendChild(snippet(function () { return yamlEntry(fields); })); }
      });
    }
    item.appendChild(details);
    return item;
  }

  // a list that draws PAGE rows at a time, the next ones when its end scrolls into sight
  function lazyList(list, indices, draw) {
    var shown = 0, end = el("div", { cls: "more" });
    var more = el("button", { type: "button", text: "Show more" });
    function next() {
      var stop = Math.min(indices.length, shown + PAGE);
      for (; shown < stop; shown++) { list.appendChild(draw(indices[shown])); }
      end.hidden = shown >= indices.length;
    }
    more.addEventListener("click", next);
    end.appendChild(more);
    next();
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) { if (entries[0].isIntersecting && shown < indices.length) { next(); } })
        .observe(end);
    }
    return end;
  }

  // --- cards -----------------------------------------------------------------------------------
  var card = document.getElementById("card");
  function openCard(i) {
    var n = N[i];
    card.textContent = "";
    var close = el("button", { type: "button", cls: "close", "aria-label": "Close", text: "×" });
    close.addEventListener("click", closeCard);
    card.appendChild(close);
    card.setAttribute("data-node", n[0]);
    card.appendChild(el("p", { cls: "kind", text: (n[3].join(", ") || n[2]) + " · " + n[0] }));
    card.appendChild(el("h2", { text: n[1] }));
    var facts = el("dl", { cls: "facts-of" });
    function row(name, value) { facts.appendChild(el("dt", { text: name })); facts.appendChild(el("dd", {}, value)); }
    row("Labels", n[5].join("; ") || "none");
    row("Aliases", n[4].join("; ") || "none");
    row("Class", n[3].join(", ") || n[2]);
    var wikidata = el("span", { cls: "wikidata" });
    n[6].forEach(function (item, k) {
      if (k) { wikidata.appendChild(document.createTextNode(" ")); }
      wikidata.appendChild(item[1] && WIKIDATA_PAGE.test(item[1]) ? el("a", { href: item[1], rel: "noreferrer", text: item[0] })
        : el("span", { cls: "not-linked", text: item[0] }));
    });
    row("Wikidata", n[6].length ? wikidata : "not linked");
    row("Documents", n[7] + " mention it");
    if (documentOf[i]) { row("Document", documentOf[i][1] + (documentOf[i][2] ? ", " + documentOf[i][2] : "") + ", " + documentOf[i][3]); }
    card.appendChild(facts);
    var about = factsAbout(i);
    card.appendChild(el("h3", { text: "Facts (" + about.length + ")" }));
    var list = el("ol", { cls: "fact-list" });
    card.appendChild(list);
    card.appendChild(lazyList(list, about, factItem));
    if (n[2] === "entity" || n[2] === "event") { card.appendChild(entityCuration(i)); }
    card.hidden = false;
    card.scrollTop = 0;
    close.focus();
  }
  function closeCard() { card.hidden = true; card.textContent = ""; }
  document.addEventListener("keydown", function (event) { if (event.key === "Escape" && !card.hidden) { closeCard(); } });

  function entityCuration(i) {
    var key = N[i][0];
    var box = el("section", { cls: "entity-curation" }, el("h3", { text: "Curation decisions for curation.yaml" }),
      el("p", { cls: "muted", text: "Fill in, copy the entry under 'decisions:' in curation.yaml beside the texts, rebuild." }));
    var values = { into: "", cls: D.retype[0] || "", qid: "", seen: "" };
    box.appendChild(reviewerFields(box));
    function part(title, inputs, make) {
      var fields = el("div", { cls: "curation-fields" });
      inputs.forEach(function (input) { fields.appendChild(input); });
      return el("details", { cls: "curation", "data-action": title.split(" ")[0].toLowerCase() }, el("summary", { text: title }),
        fields, snippet(make));
    }
    function field(name, text, options) {
      var input = options ? el("select", { "aria-label": text }) : el("input", { type: "text", placeholder: text, "aria-label": text });
      (options || []).forEach(function (o) { input.appendChild(el("option", { value: o, text: o })); });
      input.value = values[name];
      input.addEventListener("input", function () { values[name] = input.value; refreshSnippets(box); });
      return el("label", {}, text + " ", input);
    }
    box.appendChild(part("Merge into another entity", [field("into", "key of the entity to keep")], function () {
      return yamlEntry([["action", "merge"], ["entity", key], ["into", values.into || "KEY OF THE ENTITY TO KEEP"]]);
    }));
    box.appendChild(part("Retype", [field("cls", "class", D.retype)], function () {
      return yamlEntry([["action", "retype"], ["entity", key], ["class", values.cls]]);
    }));
    box.appendChild(part("Link to Wikidata", [field("qid", "QID (Q…)"), field("seen", "where you checked it (URL)")], function () {
      return yamlEntry([["action", "link"], ["entity", key], ["wikidata", values.qid || "Q…"], ["verified_at", values.seen || "URL"]]);
    }));
    return box;
  }

  // --- overview -------------------------------------------------------------------------------
  function renderOverview(root) {
    var kinds = { entity: 0, event: 0 };
    N.forEach(function (n) { if (n[2] in kinds) { kinds[n[2]]++; } });
    root.appendChild(el("h2", { text: "Overview" }));
    root.appendChild(el("p", { id: "summary", text: "Build " + D.build + ": " + D.triples.toLocaleString("en") + " triples, " +
      D.documents.length + " documents, " + kinds.entity + " entities, " + kinds.event + " events, " + F.length +
      " statements of fact." }));
    var validation = el("section", { id: "validation" }, el("h3", { text: "SHACL validation" }),
      el("p", { cls: D.validation.conforms ? "conforms" : "violates", text: D.validation.lines[0] }));
    if (D.validation.lines.length > 1) {
      var problems = el("ul");
      D.validation.lines.slice(1).forEach(function (line) { problems.appendChild(el("li", { text: line.trim() })); });
      validation.appendChild(problems);
    }
    root.appendChild(validation);
    var grid = el("div", { cls: "grid" });
    grid.appendChild(el("div", {}, el("h3", { text: "Nodes by class" }), table(["class", "nodes"],
      D.classes.map(function (c) { return cells(c, [1]); }), "class-counts")));
    grid.appendChild(el("div", {}, el("h3", { text: "Statements by relation" }), table(["relation", "statements"],
      D.relations.map(function (c) { return cells(c, [1]); }), "relation-counts")));
    var record = {};
    D.record.forEach(function (pair) { (record[pair[0]] = record[pair[0]] || []).push(pair[1]); });
    grid.appendChild(el("div", {}, el("h3", { text: "Build record" }), table(["property", "value"],
      Object.keys(record).sort().map(function (k) { return cells([k, record[k].join(", ")]); }), "build-record")));
    root.appendChild(grid);
    root.appendChild(el("h3", { text: "Documents" }));
    root.appendChild(table(["document", "date", "file", "statements", "entities and events mentioned"],
      D.documents.map(function (d) { return cells([nodeButton(d[0]), d[2], d[3], d[4], d[5]], [3, 4]); }), "document-counts"));
    renderDecisions(root);
  }
  function renderDecisions(root) {
    var stale = D.decisions.filter(function (d) { return !d[5]; }).length;
    root.appendChild(el("h3", { text: "Curation decisions" }));
    root.appendChild(el("p", { text: D.decisions.length + " decisions from curation.yaml, " + stale +
      " of which no longer apply. Every card gives the entries to reject, merge, retype or link; add them under " +
      "'decisions:' in curation.yaml beside the texts and rebuild." }));
    root.appendChild(table(["date", "by", "action", "what", "reason", "applies"], D.decisions.map(function (d) {
      var tr = cells([d[0], d[1], d[2], d[3], d[4], d[5] ? "yes" : "no longer"]);
      if (!d[5]) { tr.className = "stale"; }
      return tr;
    }), "curation-table"));
  }

  // --- network ------------------------------------------------------------------------------
  var edges = null;
  function networkEdges() {
    if (edges !== null) { return edges; }
    var drawn = {}, byKey = {};
    D.network.forEach(function (r) { drawn[r] = true; });
    edges = [];
    F.forEach(function (f, k) {
      if (!drawn[relation(f)] || !f[IS_NODE] || typeof f[O] !== "number" || N[f[S]][2] !== "entity" ||
        N[f[O]][2] !== "entity" || f[S] === f[O]) { return; }
      var key = f[S] + " " + f[P] + " " + f[O];
      if (!(key in byKey)) { byKey[key] = edges.length; edges.push({ s: f[S], o: f[O], relation: relation(f), facts: [] }); }
      edges[byKey[key]].facts.push(k);
    });
    return edges;
  }
  function nodeColour(i) {
    var classes = N[i][3];
    for (var c in CLASS_COLOURS) { if (classes.indexOf(c) >= 0 && c !== "ikg:Organisation") { return CLASS_COLOURS[c]; } }
    return classes.indexOf("ikg:Organisation") >= 0 ? CLASS_COLOURS["ikg:Organisation"] : "#777";
  }
  function renderNetwork(root) {
    var all = networkEdges();
    root.appendChild(el("h2", { text: "Network" }));
    root.appendChild(el("p", { cls: "muted", text: "Organisations, franchises, regions and persons, and what the texts say " +
      "relates them. Click a node to open its card; scroll to zoom, drag to move." }));
    var filters = el("div", { cls: "filters", id: "network-filters" });
    var relations = el("fieldset", {}, el("legend", { text: "Relations" }));
    D.network.forEach(function (r, k) {
      var box = el("input", { type: "checkbox", value: r, "data-relation": r });
      box.checked = true;
      relations.appendChild(el("label", {}, box, el("span", { cls: "swatch", style: "background:" + RELATION_COLOURS[k % 10] }), r));
    });
    filters.appendChild(relations);
    var documentChoice = el("select", { id: "filter-document", "aria-label": "Document" }, el("option", { value: "", text: "every document" }));
    D.documents.forEach(function (d) { documentChoice.appendChild(el("option", { value: String(d[0]), text: d[1] })); });
    filters.appendChild(el("label", {}, "Document ", documentChoice));
    var confidence = el("input", { type: "range", id: "filter-confidence", min: "0", max: "1", step: "0.05", value: "0" });
    var confidenceShown = el("output", { text: "0.00" });
    filters.appendChild(el("label", {}, "Confidence at least ", confidence, " ", confidenceShown));
    var hedging = el("select", { id: "filter-hedging", "aria-label": "Hedging" }, el("option", { value: "all", text: "hedged or not" }),
      el("option", { value: "plain", text: "not hedged" }), el("option", { value: "hedged", text: "hedged only" }));
    filters.appendChild(el("label", {}, "Wording ", hedging));
    var limit = el("select", { id: "filter-limit", "aria-label": "Nodes at most" });
    ["150", "300", "1000", "all"].forEach(function (v) { limit.appendChild(el("option", { value: v, text: v })); });
    limit.value = "150";
    filters.appendChild(el("label", {}, "Nodes at most ", limit));
    var count = el("span", { id: "network-count", cls: "muted" });
    filters.appendChild(count);
    root.appendChild(filters);
    var legend = el("div", { cls: "legend" });
    [["Organisation", "ikg:Organisation"], ["Franchise", "ikg:Franchise"], ["Region", "ikg:Region"], ["Person", "ikg:Person"]]
      .forEach(function (pair) { legend.appendChild(el("span", {}, el("span", { cls: "swatch", style: "background:" + CLASS_COLOURS[pair[1]] }), pair[0])); });
    legend.appendChild(el("span", { text: "dashed: hedged only · thicker: more statements" }));
    root.appendChild(legend);
    var canvas = el("div", { id: "network-canvas" });
    root.appendChild(canvas);
    var cy = cytoscape({ container: canvas, elements: networkElements(all), style: networkStyle(),
      minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false });
    explorer.cy = cy;
    cy.on("tap", "node", function (event) { openCard(Number(event.target.data("node"))); });
    function apply() {
      confidenceShown.textContent = Number(confidence.value).toFixed(2);
      var wanted = {};
      relations.querySelectorAll("input").forEach(function (box) { wanted[box.value] = box.checked; });
      showNetwork(cy, all, { relations: wanted, document: documentChoice.value === "" ? null : Number(documentChoice.value),
        confidence: Number(confidence.value), hedging: hedging.value, limit: limit.value === "all" ? Infinity : Number(limit.value) }, count);
    }
    filters.addEventListener("change", apply);
    confidence.addEventListener("input", function () { confidenceShown.textContent = Number(confidence.value).toFixed(2); });
    apply();
  }
  function networkElements(all) {
    var nodes = {}, elements = [];
    var colour = {};
    D.network.forEach(function (r, k) { colour[r] = RELATION_COLOURS[k % 10]; });
    all.forEach(function (e) { nodes[e.s] = true; nodes[e.o] = true; });
    Object.keys(nodes).map(Number).sort(function (a, b) { return a - b; }).forEach(function (i, k) {
      // a start on a spiral, the same at every opening; the layout takes it from there
      var angle = k * 2.399963, radius = 12 * Math.sqrt(k + 1);
      elements.push({ group: "nodes", data: { id: "n" + i, node: i, label: label(i), colour: nodeColour(i) },
        position: { x: radius * Math.cos(angle), y: radius * Math.sin(angle) } });
    });
    all.forEach(function (e, k) {
      elements.push({ group: "edges", data: { id: "e" + k, source: "n" + e.s, target: "n" + e.o, relation: e.relation,
        colour: colour[e.relation], weight: 1 } });
    });
    return elements;
  }
  function networkStyle() {
    return [
      { selector: "node", style: { "background-color": "data(colour)", width: 12, height: 12, label: "data(label)",
        "font-size": 11, color: "#1d1d1d", "text-valign": "bottom", "text-halign": "center", "text-margin-y": 3,
        // labels are drawn over the edges on an opaque ground, so no line runs through a name
        "text-background-color": "#ffffff", "text-background-opacity": 1, "text-background-padding": 2,
        "text-background-shape": "roundrectangle", "text-wrap": "ellipsis", "text-max-width": 150, "min-zoomed-font-size": 6,
        "z-index": 10 } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#000" } },
      { selector: "edge", style: { width: "mapData(weight, 1, 8, 1, 4)", "line-color": "data(colour)",
        "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "arrow-scale": 0.7, "curve-style": "bezier",
        opacity: 0.6, "z-index": 0 } },
      { selector: "edge.hedged", style: { "line-style": "dashed" } },
      { selector: ".hidden", style: { display: "none" } }
    ];
  }
  function passes(f, filter) {
    if (filter.document !== null && f[DOC] !== filter.document) { return false; }
    if (f[CONF] !== null && f[CONF] < filter.confidence) { return false; }
    if (filter.hedging === "plain" && f[HEDGED]) { return false; }
    if (filter.hedging === "hedged" && !f[HEDGED]) { return false; }
    return true;
  }
  function showNetwork(cy, all, filter, count) {
    var kept = [], degree = {};
    all.forEach(function (e, k) {
      if (!filter.relations[e.relation]) { return; }
      var facts = e.facts.filter(function (f) { return passes(F[f], filter); });
      if (!facts.length) { return; }
      kept.push([k, facts]);
      degree[e.s] = (degree[e.s] || 0) + facts.length;
      degree[e.o] = (degree[e.o] || 0) + facts.length;
    });
    var ranked = Object.keys(degree).map(Number).sort(function (a, b) { return degree[b] - degree[a] || a - b; });
    var shown = {};
    ranked.slice(0, filter.limit).forEach(function (i) { shown[i] = true; });
    cy.batch(function () {
      cy.elements().addClass("hidden");
      var edgesShown = 0;
      kept.forEach(function (pair) {
        var e = all[pair[0]];
        if (!shown[e.s] || !shown[e.o]) { return; }
        var edge = cy.getElementById("e" + pair[0]);
        edge.removeClass("hidden");
        edge.data("weight", Math.min(pair[1].length, 8));
        edge.toggleClass("hedged", pair[1].every(function (f) { return F[f][HEDGED] === 1; }));
        edge.source().removeClass("hidden");
        edge.target().removeClass("hidden");
        edgesShown++;
      });
      count.textContent = cy.nodes().not(".hidden").length + " nodes, " + edgesShown + " relations shown";
    });
    arrange(cy, cy.elements().not(".hidden"));
  }
  // Cytoscape's force-directed layout (cose), from the same start every time, with room for each label;
  // then each axis scaled to the window (to 45-150%) and drawn no smaller
  // than 3/4 size around its middle, so that names stay readable: on a narrow window the edges of a large
  // network are a drag away
  function arrange(cy, visible) {
    visible.layout({ name: "cose", animate: false, randomize: false, fit: false, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: function () { return 30; }, nodeRepulsion: function () { return 3000; }, nodeOverlap: 10,
      gravity: 6, componentSpacing: 10, numIter: visible.length > 1500 ? 500 : 2500, coolingFactor: 0.99,
      initialTemp: 300 }).run();
    var box = visible.boundingBox();
    var width = Math.min(1.5, Math.max(0.45, (cy.width() - 60) / box.w));
    var height = Math.min(1.5, Math.max(0.45, (cy.height() - 60) / box.h));
    visible.nodes().positions(function (node) { return { x: node.position("x") * width, y: node.position("y") * height }; });
    cy.fit(visible, 24);
    if (cy.zoom() < 0.75) { cy.zoom({ level: 0.75, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } }); }
  }

  // --- timeline -----------------------------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }
  function period(date) {
    var y = Number(date.slice(0, 4)), m = date.length >= 7 ? Number(date.slice(5, 7)) - 1 : null;
    var d = date.length === 10 ? Number(date.slice(8, 10)) : null;
    if (m === null) { return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)]; }
    if (d === null) { return [Date.UTC(y, m, 1), Date.UTC(y, m + 1, 1)]; }
    return [Date.UTC(y, m, d), Date.UTC(y, m, d + 1)];
  }
  function renderTimeline(root) {
    var dated = D.events.filter(function (e) { return e[1] !== ""; });
    var undated = D.events.filter(function (e) { return e[1] === ""; });
    root.appendChild(el("h2", { text: "Timeline" }));
    root.appendChild(el("p", { cls: "muted", text: dated.length + " dated events, each at the most precise date a text gives: " +
      "a bar spans the year or month a text names, a dot is a day. Yellow, dashed: a text hedges what it says of the event. " +
      "Click an event to open its card." }));
    var chart = el("div", { id: "timeline-chart" });
    root.appendChild(chart);
    drawTimeline(chart, dated);
    var redraw = null;
    window.addEventListener("resize", function () {
      clearTimeout(redraw);
      redraw = setTimeout(function () { if (!root.hidden) { drawTimeline(chart, dated); } }, 200);
    });
    root.appendChild(el("h3", { text: "Undated events (" + undated.length + ")" }));
    var list = el("ul", { cls: "undated", id: "undated-events" });
    undated.forEach(function (e) {
      var item = el("li", {}, nodeButton(e[0]));
      if (e[3]) { item.appendChild(el("span", { cls: "badge hedged", text: "hedged" })); }
      list.appendChild(item);
    });
    root.appendChild(list);
  }
  function drawTimeline(chart, dated) {
    chart.textContent = "";
    if (!dated.length) { chart.appendChild(el("p", { text: "No dated events." })); return; }
    var spans = dated.map(function (e) { return period(e[1]); });
    var first = new Date(Math.min.apply(null, spans.map(function (s) { return s[0]; }))).getUTCFullYear();
    var last = new Date(Math.max.apply(null, spans.map(function (s) { return s[1]; })) - 1).getUTCFullYear() + 1;
    var width = Math.max(chart.clientWidth - 2, 600), left = 10, right = 10, lane = 22, top = 28;
    var start = Date.UTC(first, 0, 1), scale = (width - left - right) / (Date.UTC(last, 0, 1) - start);
    function x(t) { return left + (t - start) * scale; }
    var ends = [], placed = [];
    dated.forEach(function (e, k) {
      var x0 = x(spans[k][0]), x1 = Math.max(x(spans[k][1]), x0 + 8);
      var text = label(e[0]) + (e[3] ? " ?" : ""), textEnd = x1 + 4 + text.length * 6.2;
      var flip = textEnd > width - right;  // no room to the right: the label goes to the left of the mark
      var from = flip ? x0 - 4 - text.length * 6.2 : x0, to = flip ? x1 : textEnd;
      var row = 0;
      while (row < ends.length && ends[row] > from - 6) { row++; }
      ends[row] = to;
      placed.push({ e: e, x0: x0, x1: x1, row: row, text: text, flip: flip });
    });
    var height = top + ends.length * lane + 10;
    var picture = svg("svg", { width: String(width), height: String(height), role: "img", id: "timeline-picture",
      "aria-label": "Timeline of events" });
    var axis = svg("g", { "class": "axis" });
    var step = last - first > 40 ? 10 : last - first > 16 ? 5 : last - first > 8 ? 2 : 1;
    for (var year = first; year <= last; year += step) {
      var at = x(Date.UTC(year, 0, 1));
      axis.appendChild(svg("line", { x1: at, x2: at, y1: 16, y2: height }));
      var tick = svg("text", { x: at + 2, y: 12 });
      tick.textContent = String(year);
      axis.appendChild(tick);
    }
    picture.appendChild(axis);
    placed.forEach(function (p) {
      var y = top + p.row * lane, e = p.e;
      var g = svg("g", { "class": "event" + (e[3] ? " hedged" : ""), "data-node": N[e[0]][0], "data-date": e[1],
        "data-precision": precision(e[1]), tabindex: "0", role: "button" });
      var name = svg("title");
      name.textContent = label(e[0]) + ": " + e[2].join(", ") + (e[3] ? " (hedged)" : "");
      g.appendChild(name);
      var mark = e[1].length === 10 ? svg("circle", { cx: (p.x0 + p.x1) / 2, cy: y + 7, r: 5 })
        : svg("rect", { x: p.x0, y: y + 1, width: p.x1 - p.x0, height: 12, rx: 2 });
      mark.setAttribute("class", e[3] ? "mark hedged-mark" : "mark");
      g.appendChild(mark);
      var text = svg("text", { x: p.flip ? p.x0 - 4 : p.x1 + 4, y: y + 11, "text-anchor": p.flip ? "end" : "start" });
      text.textContent = p.text;
      g.appendChild(text);
      g.addEventListener("click", function () { openCard(e[0]); });
      g.addEventListener("keydown", function (event) { if (event.key === "Enter") { openCard(e[0]); } });
      picture.appendChild(g);
    });
    chart.appendChild(picture);
  }

  // --- review queue ---------------------------------------------------------------------------
  function renderQueue(root) {
    root.appendChild(el("h2", { text: "Review queue" }));
    root.appendChild(el("p", { cls: "muted", text: "Every fact, those to look at first first: hedged wording, then the " +
      "lowest confidence, then what one document alone says. Each gives the curation.yaml entry to reject it." }));
    var bar = el("div", { cls: "filters" });
    var filter = el("input", { type: "search", id: "queue-filter", placeholder: "names or aliases of subject or object" });
    bar.appendChild(el("label", {}, "Filter ", filter));
    var reasons = {};
    [["hedged", "hedged"], ["low", "low confidence"], ["single", "one document"]].forEach(function (pair) {
      var box = el("input", { type: "checkbox", "data-reason": pair[0] });
      reasons[pair[0]] = box;
      bar.appendChild(el("label", {}, box, " " + pair[1]));
    });
    var count = el("span", { id: "queue-count", cls: "muted" });
    bar.appendChild(count);
    root.appendChild(bar);
    root.appendChild(reviewerFields(root));
    var holder = el("div");
    root.appendChild(holder);
    function draw() {
      var words = plain(filter.value.trim());
      var wanted = Object.keys(reasons).filter(function (r) { return reasons[r].checked; });
      var shown = D.queue.filter(function (k) {
        var f = F[k];
        if (wanted.length && !wanted.some(function (r) {
          return r === "hedged" ? f[HEDGED] : r === "low" ? f[CONF] !== null && f[CONF] < LOW : f[SUPPORT] === 1;
        })) { return false; }
        return !words || nameMatches(f[S], words) || (f[IS_NODE] && typeof f[O] === "number" && nameMatches(f[O], words));
      });
      count.textContent = shown.length + " of " + F.length + " facts";
      holder.textContent = "";
      var list = el("ol", { cls: "fact-list", id: "queue-list" });
      holder.appendChild(list);
      holder.appendChild(lazyList(list, shown, factItem));
    }
    var waiting = null;
    filter.addEventListener("input", function () { clearTimeout(waiting); waiting = setTimeout(draw, 150); });
    bar.addEventListener("change", draw);
    draw();
  }

  // --- search across names and aliases --------------------------------------------------------
  var names = null;
  function nameMatches(i, words) {
    if (names === null) { names = N.map(function (n) { return plain([n[1]].concat(n[4], n[5]).join("\n")); }); }
    return names[i].indexOf(words) >= 0;
  }
  var search = document.getElementById("search"), results = document.getElementById("search-results");
  search.addEventListener("input", function () {
    var words = plain(search.value.trim());
    results.textContent = "";
    if (!words) { results.hidden = true; return; }
    var found = [];
    for (var i = 0; i < N.length && found.length < 500; i++) {
      if ((N[i][2] === "entity" || N[i][2] === "event" || N[i][2] === "document") && nameMatches(i, words)) { found.push(i); }
    }
    found.sort(function (a, b) { return N[b][7] - N[a][7] || label(a).localeCompare(label(b)); });
    found.slice(0, 30).forEach(function (i) {
      var b = el("button", { type: "button", "data-node": N[i][0] }, label(i),
        el("span", { cls: "muted", text: " · " + (N[i][3].join(", ") || N[i][2]) + (N[i][4].length ? " · also " + N[i][4].join(", ") : "") }));
      b.addEventListener("click", function () { results.hidden = true; openCard(i); });
      results.appendChild(b);
    });
    if (!found.length) { results.appendChild(el("p", { cls: "muted", text: " No name or alias holds that." })); }
    results.hidden = false;
  });
  document.addEventListener("click", function (event) {
    if (!results.contains(event.target) && event.target !== search) { results.hidden = true; }
  });

  // --- tabs -------------------------------------------------------------------------------------
  var renderers = { overview: renderOverview, network: renderNetwork, timeline: renderTimeline, queue: renderQueue };
  var drawn = {};
  function show(tab) {
    Object.keys(renderers).forEach(function (key) {
      var panel = document.getElementById("view-" + key);
      panel.hidden = key !== tab;
      document.getElementById("tab-" + key).setAttribute("aria-selected", String(key === tab));
    });
    if (!drawn[tab]) { drawn[tab] = true; renderers[tab](document.getElementById("view-" + tab)); }
    if (tab === "network" && explorer.cy) { explorer.cy.resize(); }
    if (location.hash !== "#" + tab) { history.replaceState(null, "", "#" + tab); }
  }
  document.querySelectorAll("nav button").forEach(function (b) {
    b.addEventListener("click", function () { show(b.getAttribute("data-tab")); });
  });
  var first = location.hash.slice(1);
  show(first in renderers ? first : "overview");
  performance.mark("explorer-ready");
  document.documentElement.setAttribute("data-ready", "true");
})();
