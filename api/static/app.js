// The search page: the URL's query string is the state, so back/forward and shared links work.
"use strict";

const FACETS = [
  { name: "source", param: "source", title: "Source", always: true },
  { name: "language", param: "lang", title: "Language", always: true },
  { name: "region", param: "region", title: "Region" },
  { name: "actor", param: "actor", title: "Actor" },
  { name: "cited_source", param: "cited_source", title: "Cited sources" },
];
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
  const aside = $("#facets");
  aside.replaceChildren();
  const anySelected = FACETS.some((f) => params.getAll(f.param).length) || params.get("from") || params.get("to");
  if (anySelected) {
    aside.append(el("button", { class: "link", type: "button", onclick: () => {
      const q = params.get("q");
      go(new URLSearchParams(q ? { q } : {}));
    } }, "Clear all filters"));
  }
  for (const f of FACETS) {
    const selected = params.getAll(f.param);
    const buckets = [...(facets[f.name] || [])];
    // A selected value may fall outside the top buckets; keep it visible so it can be unticked.
    for (const key of selected) if (!buckets.some((b) => b.key === key)) buckets.push({ key, count: 0 });
    if (!buckets.length && !f.always) continue;
    aside.append(el("h2", {}, f.title));
    if (!buckets.length) {
      aside.append(el("p", { class: "none" }, "none"));
      continue;
    }
    const list = el("ul");
    for (const b of buckets) {
      const box = el("input", { type: "checkbox", value: b.key, onchange: (e) => toggle(f.param, b.key, e.target.checked) });
      box.checked = selected.includes(b.key);
      const name = b.label ? `${b.label} (${b.key})` : b.key;
      list.append(el("li", {}, el("label", {}, box, el("span", { class: "key" }, name), el("span", { class: "count" }, b.count.toLocaleString()))));
    }
    aside.append(list);
  }
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
    list.append(el("li", {},
      el("h3", {}, el("a", { href: safeHref(h.url), target: "_blank", rel: "noopener noreferrer" }, h.title || h.url)),
      el("div", { class: "meta" }, meta.join(" · "), " · ", el("a", { href: `/articles/${encodeURIComponent(h.id)}` }, "stored record")),
      snippet));
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
