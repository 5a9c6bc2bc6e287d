"use strict";
// The term explorer. Every piece of corpus text is placed with textContent, never as markup.
(function () {
  const data = JSON.parse(document.getElementById("explorer-data").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const W = 560, H = 520, M = {left: 62, right: 14, top: 14, bottom: 48};
  const PER = 10000;  // frequencies per 10,000 words
  const KEY_Z = 2;  // |z| above this colours a dot
  const LISTED = 15;  // key terms listed per direction
  const NEAR = 4;  // pixels: terms drawn this close to the chosen one are listed beside it
  const NEAR_LISTED = 30;
  const state = {group: 0, term: null, xy: []};
  const byName = new Map(data.terms.map((t, i) => [t, i]));
  const totalWords = data.words.reduce((a, b) => a + b, 0);
  const $ = (id) => document.getElementById(id);

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  function fmt(x) {
    if (x === null || x === undefined) return "–";
    return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString("en") : String(x);
  }
  function inGroup(t) { return data.counts[t][state.group]; }
  function inRest(t) { return data.counts[t].reduce((a, b) => a + b, 0) - inGroup(t); }
  function restWords() { return totalWords - data.words[state.group]; }
  function stat(t, name) {
    const row = data.keyness[state.group][t];
    return row ? row[data.statistics.indexOf(name)] : null;
  }
  function kind(t) {
    const z = stat(t, "z");
    return z === null ? "even" : z > KEY_Z ? "over" : z < -KEY_Z ? "under" : "even";
  }

  // Log scales with a floor: a term absent from one side sits at half the smallest frequency.
  function scales() {
    const g = Math.max(data.words[state.group], 1), r = Math.max(restWords(), 1);
    const floorY = 0.5 * PER / g, floorX = 0.5 * PER / r;
    const pts = data.terms.map((_, t) => [Math.max(PER * inRest(t) / r, floorX),
                                          Math.max(PER * inGroup(t) / g, floorY)]);
    const lo = Math.log10(Math.min(floorX, floorY));
    const hi = Math.log10(Math.max(1, ...pts.map((p) => Math.max(p[0], p[1])))) + 0.05;
    const sx = (v) => M.left + (Math.log10(v) - lo) / (hi - lo) * (W - M.left - M.right);
    const sy = (v) => H - M.bottom - (Math.log10(v) - lo) / (hi - lo) * (H - M.top - M.bottom);
    return {pts, lo, hi, sx, sy};
  }

  function drawScatter() {
    const svg = $("scatter");
    svg.replaceChildren();
    const {pts, lo, hi, sx, sy} = scales();
    state.xy = pts.map((p) => [sx(p[0]), sy(p[1])]);
    for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) {
      const v = Math.pow(10, e), label = v >= 1 ? String(v) : v.toPrecision(1);
      svg.append(svgEl("line", {x1: sx(v), x2: sx(v), y1: H - M.bottom, y2: H - M.bottom + 5}));
      svg.append(svgEl("text", {x: sx(v), y: H - M.bottom + 18, "text-anchor": "middle"}, label));
      svg.append(svgEl("line", {x1: M.left - 5, x2: M.left, y1: sy(v), y2: sy(v)}));
      svg.append(svgEl("text", {x: M.left - 8, y: sy(v) + 4, "text-anchor": "end"}, label));
    }
    const d0 = Math.pow(10, lo), d1 = Math.pow(10, hi);
    svg.append(svgEl("line", {x1: sx(d0), y1: sy(d0), x2: sx(d1), y2: sy(d1),
                              "stroke-dasharray": "4 4"}));
    svg.append(svgEl("line", {x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom}));
    svg.append(svgEl("line", {x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom}));
    svg.append(svgEl("text", {x: (M.left + W - M.right) / 2, y: H - 8, "text-anchor": "middle"},
                     "per 10,000 words in the other groups"));
    svg.append(svgEl("text", {x: 14, y: (M.top + H - M.bottom) / 2, "text-anchor": "middle",
                              transform: `rotate(-90 14 ${(M.top + H - M.bottom) / 2})`},
                     "per 10,000 words in " + data.groups[state.group]));
    const query = $("search").value.trim().toLowerCase();
    const order = data.terms.map((_, t) => t).sort((a, b) => Math.abs(stat(a, "z") || 0) - Math.abs(stat(b, "z") || 0));
    for (const t of order) {
      const found = query && data.terms[t].includes(query);
      const cls = [kind(t), found ? "found" : "", t === state.term ? "chosen" : ""].join(" ").trim();
      const dot = svgEl("circle", {cx: sx(pts[t][0]).toFixed(1), cy: sy(pts[t][1]).toFixed(1),
                                   r: found || t === state.term ? 5 : 3.2, class: cls,
                                   "data-term": data.terms[t]});
      dot.append(svgEl("title", {}, `${data.terms[t]}: ${inGroup(t)} in the group, ${inRest(t)} in the rest`));
      dot.addEventListener("click", () => choose(t));
      svg.append(dot);
    }
    if (state.term !== null) {
      const t = state.term;
      svg.append(svgEl("text", {x: sx(pts[t][0]) + 7, y: sy(pts[t][1]) - 6, class: "label"},
                       data.terms[t]));
    }
  }

  function termButton(t) {
    const b = el("button", data.terms[t], "term");
    b.type = "button";
    b.addEventListener("click", () => choose(t));
    return b;
  }

  function drawKeyLists() {
    const box = $("keylists");
    box.replaceChildren();
    const tested = data.terms.map((_, t) => t).filter((t) => stat(t, "z") !== null);
    const lists = [["Used most by " + data.groups[state.group], (a, b) => stat(b, "z") - stat(a, "z"), (t) => stat(t, "z") > 0],
                   ["Used least by " + data.groups[state.group], (a, b) => stat(a, "z") - stat(b, "z"), (t) => stat(t, "z") < 0]];
    if (data.groups.length < 2) {
      box.append(el("p", "One group only: there is no other group to compare with; the dots sit at the left edge.", "note"));
      return;
    }
    for (const [title, cmp, keep] of lists) {
      const div = el("div");
      div.append(el("h2", title));
      const ol = el("ol");
      for (const t of tested.filter(keep).sort(cmp).slice(0, LISTED)) {
        const li = el("li");
        li.append(termButton(t), el("span", ` z ${fmt(stat(t, "z"))}`, "note"));
        ol.append(li);
      }
      if (!ol.children.length) div.append(el("p", "none", "note")); else div.append(ol);
      box.append(div);
    }
  }

  function drawDetail() {
    const box = $("detail");
    box.replaceChildren();
    if (state.term === null) {
      box.append(el("p", "Click a term to see its counts, keyness and occurrences in context.", "hint"));
      return;
    }
    const t = state.term;
    box.append(el("h2", data.terms[t]));
    const labels = {z: "z (log-odds, informative prior)", log_ratio: "Log Ratio", lrc: "LRC (conservative)",
                    g2: "G2 (log-likelihood)", p_adjusted: "p (FDR adjusted)"};
    const stats = el("table");
    const head = el("tr");
    head.append(el("th", data.groups[state.group] + " vs rest"), el("th", ""));
    stats.append(head);
    for (const name of data.statistics) {
      const tr = el("tr");
      tr.append(el("td", labels[name] || name), el("td", fmt(stat(t, name))));
      stats.append(tr);
    }
    if (data.keyness[state.group][t] === null) box.append(el("p", "Not tested: too rare, or a single group.", "note"));
    box.append(stats);
    const near = nearby(t);
    if (near.length) {
      const p = el("p", "Drawn at the same place: ", "note");
      near.slice(0, NEAR_LISTED).forEach((u, k) => p.append(k ? ", " : "", termButton(u)));
      if (near.length > NEAR_LISTED) p.append(` and ${near.length - NEAR_LISTED} more`);
      box.append(p);
    }
    box.append(el("h3", "Counts"));
    const counts = el("table");
    const top = el("tr");
    top.append(el("th", data.group_by), el("th", "count"), el("th", "per 10k words"));
    counts.append(top);
    data.groups.forEach((g, i) => {
      const tr = el("tr");
      const n = data.counts[t][i];
      tr.append(el("td", g), el("td", n), el("td", data.words[i] ? (PER * n / data.words[i]).toFixed(2) : "–"));
      counts.append(tr);
    });
    box.append(counts);
    const total = data.counts[t].reduce((a, b) => a + b, 0);
    const shown = data.contexts[t];
    box.append(el("h3", "In context"));
    box.append(el("p", `${shown.length} of ${total} occurrences shown (at most ${data.caps.per_group} per ` +
                       `${data.group_by}, ${data.caps.per_term} in all; the full list is in the analysis tables).`, "note"));
    data.groups.forEach((g, i) => {
      const mine = shown.filter((c) => c[0] === i);
      if (!mine.length) return;
      box.append(el("h3", g));
      for (const [, doc, left, match, right] of mine) {
        const p = el("p", null, "kwic");
        p.append(el("span", left, "left"), el("mark", match), el("span", right), el("span", "  [" + doc + "]", "doc"));
        box.append(p);
      }
    });
  }

  function nearby(t) {
    const [x, y] = state.xy[t];
    return data.terms.map((_, u) => u).filter((u) => u !== t &&
      Math.abs(state.xy[u][0] - x) < NEAR && Math.abs(state.xy[u][1] - y) < NEAR);
  }

  function choose(t) {
    state.term = t;
    drawScatter();
    drawDetail();
  }

  function search() {
    const q = $("search").value.trim().toLowerCase();
    const hits = q ? data.terms.filter((term) => term.includes(q)) : [];
    $("matches").textContent = q ? hits.length === 1 ? "1 term matches" : `${hits.length} terms match` : "";
    drawScatter();
    return hits;
  }

  function init() {
    const select = $("group");
    data.groups.forEach((g, i) => select.append(new Option(`${g} (${data.documents[i]} article${data.documents[i] === 1 ? "" : "s"})`, String(i))));
    select.addEventListener("change", () => { state.group = Number(select.value); drawScatter(); drawKeyLists(); drawDetail(); });
    const input = $("search");
    input.addEventListener("input", search);
    input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter") return;
      const hits = search();
      const q = input.value.trim().toLowerCase();
      if (hits.length) choose(byName.has(q) ? byName.get(q) : byName.get(hits[0]));
    });
    $("summary").textContent = `${data.terms.length} terms of ${data.groups.length} group${data.groups.length === 1 ? "" : "s"} ` +
      `(by ${data.group_by}), ${totalWords.toLocaleString("en")} words counted (stop words left out).`;
    $("caps").textContent = `The page holds at most ${data.caps.terms} terms (each group's strongest key terms, then the commonest words) ` +
      `and at most ${data.caps.per_group} occurrences per term and group, ${data.caps.per_term} per term, each trimmed to ` +
      `${data.caps.chars} characters a side. Keyness: analysis.keyness, each group against all the others together.`;
    drawScatter();
    drawKeyLists();
    drawDetail();
  }
  init();
})();
