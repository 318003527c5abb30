// The search page: the URL's query string is the state, so back/forward and shared links work.
"use strict";

// Flat facets: a checkbox list each. Regions and actors have their own renderers below.
const FACETS = [
  { name: "source", param: "source", title: "Source", always: true },
  { name: "language", param: "lang", title: "Language", always: true },
  { name: "cited_sources", param: "cited_source", title: "Cited sources" },
];
// Every parameter that narrows the results, for "Clear all filters".
const FILTER_PARAMS = ["source", "lang", "region", "focus", "actor", "actor_mode", "actor_type", "include_unlinked", "cited_source", "from", "to"];
const TYPE_LABELS = {
  state_forces: "state forces", rebel_group: "rebel groups", political_militia: "political militias",
  identity_militia: "identity militias", protesters: "protesters", civilians: "civilians", government: "governments",
  international_org: "international orgs", monitor_ngo: "monitors / NGOs", media_agency: "media", person: "persons",
};
const expanded = new Set(); // region codes whose children are shown; kept while the page lives
let lastFacets = null; // the facets on screen, redrawn without a new search when a branch opens
// Names seen so far, so a chosen place or actor that drops out of the facets keeps its label.
const regionNames = new Map();
const actorNames = new Map();
const MAX_WINDOW = 10000;
const MAX_FILLED_DAYS = 3660;
const DAY_MS = 86400000;

const $ = (sel) => document.querySelector(sel);
const form = $("#search");
const field = (name) => form.elements.namedItem(name);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function state() {
  return new URLSearchParams(location.search);
}

function go(params) {
  params.delete("page");
  navigate(params);
}

function navigate(params) {
  for (const [k, v] of [...params]) if (v === "") params.delete(k);
  history.pushState(null, "", params.toString() ? `?${params}` : location.pathname);
  load();
}

function showError(message) {
  const box = $("#error");
  box.textContent = message;
  box.style.display = message ? "block" : "none";
}

async function load() {
  const params = state();
  field("q").value = params.get("q") || "";
  field("from").value = params.get("from") || "";
  field("to").value = params.get("to") || "";
  $("#summary").textContent = "Searching…";
  let body;
  try {
    const resp = await fetch(`/search?${params}`);
    body = await resp.json();
    if (!resp.ok) throw new Error(body.detail || `HTTP ${resp.status}`);
  } catch (err) {
    showError(err.message);
    $("#summary").textContent = "";
    $("#results").replaceChildren();
    $("#pages").replaceChildren();
    $("#chart").hidden = true;
    return;
  }
  showError("");
  render(body, params);
}

function render(res, params) {
  const plural = res.total === 1 ? "article" : "articles";
  $("#summary").textContent = `${res.total.toLocaleString()} ${plural} · ${res.took_ms} ms`;
  renderFacets(res.facets, params);
  renderChart(res.facets.per_day, params);
  renderHits(res.hits);
  renderPages(res, params);
}

function renderFacets(facets, params) {
  lastFacets = facets;
  const aside = $("#facets");
  aside.replaceChildren();
  if (FILTER_PARAMS.some((p) => params.get(p))) {
    aside.append(el("button", { class: "link", type: "button", onclick: () => {
      const q = params.get("q");
      go(new URLSearchParams(q ? { q } : {}));
    } }, "Clear all filters"));
  }
  for (const f of FACETS.slice(0, 2)) renderFlat(aside, f, facets[f.name] || [], params);
  renderRegions(aside, facets.regions || [], params);
  renderActors(aside, facets, params);
  renderFlat(aside, FACETS[2], facets.cited_sources || [], params);
}

function checkboxRow(param, value, label, count, selected, extra = []) {
  const box = el("input", { type: "checkbox", value, onchange: (e) => toggle(param, value, e.target.checked) });
  box.checked = selected;
  return el("label", {}, box, el("span", { class: "key" }, label, ...extra), el("span", { class: "count" }, count.toLocaleString()));
}

function renderFlat(aside, f, facetBuckets, params) {
  const selected = params.getAll(f.param);
  const buckets = [...facetBuckets];
  // A selected value may fall outside the top buckets; keep it visible so it can be unticked.
  for (const key of selected) if (!buckets.some((b) => b.key === key)) buckets.push({ key, count: 0 });
  if (!buckets.length && !f.always) return;
  aside.append(el("h2", {}, f.title));
  if (!buckets.length) {
    aside.append(el("p", { class: "none" }, "none"));
    return;
  }
  const list = el("ul");
  for (const b of buckets) list.append(el("li", {}, checkboxRow(f.param, b.key, b.key, b.count, selected.includes(b.key))));
  aside.append(list);
}

function chip(label, title, onclick, on = false) {
  return el("button", { type: "button", class: on ? "chip on" : "chip", title, onclick }, label);
}

function setFlag(param, on) {
  const p = state();
  if (on) p.set(param, "true");
  else p.delete(param);
  go(p);
}

function renderRegions(aside, tree, params) {
  const selected = params.getAll("region");
  const focus = params.get("focus") === "true";
  if (!tree.length && !selected.length && !focus) return;
  const walk = (nodes, path) => nodes.forEach((n) => {
    regionNames.set(n.code, n.name);
    // Open the branches that lead to a selected place, so it is visible.
    if (selected.includes(n.code)) path.forEach((c) => expanded.add(c));
    walk(n.children, [...path, n.code]);
  });
  walk(tree, []);
  aside.append(el("h2", {}, "Regions"));
  const focusBox = el("input", { type: "checkbox", onchange: (e) => setFlag("focus", e.target.checked) });
  focusBox.checked = focus;
  aside.append(el("label", { class: "option", title: "Count and filter only the places each article is mainly about" }, focusBox, " focus regions only"));
  if (selected.length) {
    aside.append(el("div", { class: "chips" }, ...selected.map((code) =>
      chip(`${regionNames.get(code) || code} ×`, `remove ${code}`, () => toggle("region", code, false), true))));
  }
  if (!tree.length) {
    aside.append(el("p", { class: "none" }, "none"));
    return;
  }
  aside.append(regionList(tree, selected, true));
}

function regionList(nodes, selected, top = false) {
  const list = el("ul", { class: top ? "tree" : "tree sub" });
  for (const n of nodes) {
    const open = expanded.has(n.code);
    const twisty = n.children.length
      ? el("button", { type: "button", class: "twisty", "aria-expanded": String(open), title: open ? "collapse" : "expand",
          onclick: () => { open ? expanded.delete(n.code) : expanded.add(n.code); renderFacets(lastFacets, state()); } }, open ? "▾" : "▸")
      : el("span", { class: "twisty" });
    const row = checkboxRow("region", n.code, n.name, n.count, selected.includes(n.code));
    row.title = `${n.level} ${n.code}`;
    const item = el("li", {}, el("div", { class: "node" }, twisty, row));
    if (open && n.children.length) item.append(regionList(n.children, selected));
    list.append(item);
  }
  return list;
}

function renderActors(aside, facets, params) {
  const selected = params.getAll("actor");
  const types = params.getAll("actor_type");
  const unlinked = params.get("include_unlinked") === "true";
  const actors = facets.actors || [];
  const typeBuckets = [...(facets.actor_types || [])];
  for (const key of types) if (!typeBuckets.some((b) => b.key === key)) typeBuckets.push({ key, count: 0 });
  if (!actors.length && !typeBuckets.length && !selected.length && !unlinked) return;
  aside.append(el("h2", {}, "Actors"));
  if (typeBuckets.length) {
    aside.append(el("div", { class: "chips" }, ...typeBuckets.map((b) =>
      chip(`${TYPE_LABELS[b.key] || b.key} ${b.count.toLocaleString()}`, "articles with an actor of this type",
        () => toggle("actor_type", b.key, !types.includes(b.key)), types.includes(b.key)))));
  }
  aside.append(actorSearch(types, unlinked));
  const unlinkedBox = el("input", { type: "checkbox", onchange: (e) => setFlag("include_unlinked", e.target.checked) });
  unlinkedBox.checked = unlinked;
  aside.append(el("label", { class: "option", title: "Organisations and people found in the text but not in the actor base" }, unlinkedBox, " include unlinked actors"));
  if (selected.length > 1) {
    const mode = params.get("actor_mode") === "any" ? "any" : "all";
    const pick = (m) => () => { const p = state(); p.set("actor_mode", m); go(p); };
    aside.append(el("div", { class: "chips" }, el("span", { class: "none" }, "articles with "),
      chip("all of them", "the chosen actors appear together", pick("all"), mode === "all"),
      chip("any of them", "at least one of the chosen actors", pick("any"), mode === "any")));
  }
  const rows = actors.map((a) => ({ value: a.id || a.name, ...a }));
  for (const r of rows) actorNames.set(r.value, r);
  // Chosen actors outside the top ones stay listed, so they can be unticked.
  for (const value of selected) {
    if (!rows.some((r) => r.value === value)) rows.push({ ...(actorNames.get(value) || { name: value, type: null, linked: true }), value, count: 0 });
  }
  if (!rows.length) {
    aside.append(el("p", { class: "none" }, "none"));
    return;
  }
  const list = el("ul");
  for (const a of rows) {
    const extra = [];
    if (a.type) extra.push(el("span", { class: "badge" }, TYPE_LABELS[a.type] || a.type));
    if (!a.linked) extra.push(el("span", { class: "badge unlinked", title: "not in the actor base" }, "unlinked"));
    const row = checkboxRow("actor", a.value, a.name, a.count, selected.includes(a.value), extra);
    if (a.country) row.title = a.country;
    list.append(el("li", {}, row));
  }
  aside.append(list);
}

let suggestTimer = null;

function actorSearch(types, unlinked) {
  const input = el("input", { type: "search", class: "suggest", placeholder: "find an actor…", list: "actor-suggestions", "aria-label": "Find an actor" });
  const options = el("datalist", { id: "actor-suggestions" });
  const values = new Map(); // what the user sees → what the filter takes (id or name)
  input.addEventListener("input", () => {
    clearTimeout(suggestTimer);
    const prefix = input.value.trim();
    if (values.has(input.value)) return;
    if (!prefix) return;
    suggestTimer = setTimeout(async () => {
      const p = new URLSearchParams({ prefix, size: "10" });
      for (const t of types) p.append("actor_type", t);
      if (unlinked) p.set("include_unlinked", "true");
      const resp = await fetch(`/actors?${p}`);
      if (!resp.ok) return;
      options.replaceChildren();
      values.clear();
      for (const a of await resp.json()) {
        const shown = `${a.name} — ${TYPE_LABELS[a.type] || a.type || "actor"}${a.country ? `, ${a.country}` : ""} (${a.count})`;
        values.set(shown, a.id || a.name);
        options.append(el("option", { value: shown }));
      }
    }, 200);
  });
  input.addEventListener("change", () => {
    const value = values.get(input.value) || input.value.trim();
    if (value) toggle("actor", value, true);
  });
  return el("div", {}, input, options);
}

function toggle(param, value, on) {
  const params = state();
  const values = params.getAll(param).filter((v) => v !== value);
  if (on) values.push(value);
  params.delete(param);
  for (const v of values) params.append(param, v);
  go(params);
}

function fillDays(buckets) {
  // The API returns empty days only for a bounded range; fill gaps for display otherwise.
  if (buckets.length < 2) return buckets;
  const counts = new Map(buckets.map((b) => [b.date, b.count]));
  const first = Date.parse(buckets[0].date), last = Date.parse(buckets[buckets.length - 1].date);
  if ((last - first) / DAY_MS > MAX_FILLED_DAYS) return buckets;
  const out = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ date: day, count: counts.get(day) || 0 });
  }
  return out;
}

function renderChart(perDay, params) {
  const box = $("#chart");
  const days = fillDays(perDay);
  box.hidden = days.length === 0;
  box.replaceChildren();
  if (!days.length) return;
  const max = Math.max(1, ...days.map((d) => d.count));
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${days.length * 10} 100`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Articles per day");
  days.forEach((d, i) => {
    const h = d.count ? Math.max(2, (d.count / max) * 100) : 0;
    const rect = document.createElementNS(NS, "rect");
    rect.setAttribute("class", "bar");
    rect.setAttribute("x", i * 10 + 1);
    rect.setAttribute("width", 8);
    rect.setAttribute("y", 100 - h);
    rect.setAttribute("height", h);
    const title = document.createElementNS(NS, "title");
    title.textContent = `${d.date}: ${d.count} article${d.count === 1 ? "" : "s"} (click to show this day)`;
    rect.append(title);
    rect.addEventListener("click", () => {
      const p = state();
      p.set("from", d.date);
      p.set("to", d.date);
      go(p);
    });
    svg.append(rect);
  });
  box.append(svg, el("div", { class: "axis" }, el("span", {}, days[0].date), el("span", {}, `max ${max} / day`), el("span", {}, days[days.length - 1].date)));
}

function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : "#";
  } catch {
    return "#";
  }
}

function renderHits(hits) {
  const list = $("#results");
  list.replaceChildren();
  for (const h of hits) {
    const when = h.published ? `${h.published.slice(0, 10)} ${h.published.slice(11, 16)} UTC` : "undated";
    const meta = [h.source, when];
    if (h.authors.length) meta.push(h.authors.join(", "));
    if (h.language) meta.push(h.language);
    const snippet = el("p", { class: "snippet" });
    snippet.innerHTML = h.snippet; // escaped by the API; only <mark> tags are markup
    const tags = el("div", { class: "tags" });
    if (h.focus_regions.length) tags.append(el("span", { class: "meta" }, "about"));
    for (const r of h.focus_regions) {
      regionNames.set(r.code, r.name);
      const where = [r.name, r.admin1, r.country].filter((part, i, all) => part && part !== all[i - 1]).join(", ");
      tags.append(chip(where, `focus region (${r.level} ${r.code}); click to filter`, () => toggle("region", r.code, true)));
    }
    if (h.top_actors.length) tags.append(el("span", { class: "meta" }, "actors"));
    for (const a of h.top_actors) {
      actorNames.set(a.id || a.name, { name: a.name, type: a.type, linked: a.linked });
      tags.append(chip(a.name, `${TYPE_LABELS[a.type] || a.type || "actor"}; click to filter`, () => toggle("actor", a.id || a.name, true)));
    }
    list.append(el("li", {},
      el("h3", {}, el("a", { href: safeHref(h.url), target: "_blank", rel: "noopener noreferrer" }, h.title || h.url)),
      el("div", { class: "meta" }, meta.join(" · "), " · ", el("a", { href: `/articles/${encodeURIComponent(h.id)}` }, "stored record")),
      snippet, tags));
  }
}

function renderPages(res, params) {
  const nav = $("#pages");
  nav.replaceChildren();
  const last = Math.min(Math.ceil(res.total / res.size), Math.floor(MAX_WINDOW / res.size));
  if (last <= 1) return;
  const to = (page) => () => {
    const p = state();
    p.set("page", page);
    navigate(p);
    window.scrollTo(0, 0);
  };
  const button = (label, page, current = false) => {
    const b = el("button", { type: "button", onclick: to(page) }, label);
    if (current) b.setAttribute("aria-current", "page");
    if (page < 1 || page > last) b.disabled = true;
    return b;
  };
  const cur = res.page;
  nav.append(button("‹ Prev", cur - 1));
  const shown = new Set([1, last, cur - 2, cur - 1, cur, cur + 1, cur + 2].filter((p) => p >= 1 && p <= last));
  let prev = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - prev > 1) nav.append(el("span", { class: "meta" }, "…"));
    nav.append(button(String(p), p, p === cur));
    prev = p;
  }
  nav.append(button("Next ›", cur + 1));
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const p = state();
  p.set("q", field("q").value.trim());
  p.set("from", field("from").value);
  p.set("to", field("to").value);
  go(p);
});
window.addEventListener("popstate", load);
load();
