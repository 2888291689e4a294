// The review queue of a corpus. Every text from the drafts is inserted with textContent: never
// as HTML. The filters and the page live in the address (#traveller=..&language=..&show=..&page=N)
// so the browser's Back button returns to the same page of the queue.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  let data = null;
  let current = 0;

  function params() {
    const h = new URLSearchParams(location.hash.slice(1));
    return {
      traveller: h.get("traveller") || "",
      language: h.get("language") || "",
      show: h.get("show") || "todo",
      page: Math.max(1, parseInt(h.get("page") || "1", 10) || 1),
    };
  }

  function go(change) {
    const p = Object.assign(params(), change);
    const h = new URLSearchParams();
    for (const k of ["traveller", "language", "show", "page"]) {
      if (p[k] !== "" && !(k === "page" && p[k] === 1) && !(k === "show" && p[k] === "todo")) h.set(k, String(p[k]));
    }
    location.hash = h.toString();
  }

  function fill(select, items, all) {
    const keep = select.value;
    select.replaceChildren();
    const first = document.createElement("option");
    first.value = "";
    first.textContent = all;
    select.append(first);
    for (const [value, n] of items) {
      const o = document.createElement("option");
      o.value = value;
      o.textContent = (value || "(not stated)") + " (" + n + ")";
      select.append(o);
    }
    select.value = keep;
  }

  function cell(tr, text, cls) {
    const td = document.createElement("td");
    td.textContent = text;
    if (cls) td.className = cls;
    tr.append(td);
    return td;
  }

  function render() {
    const p = params();
    $("progress").textContent = data.progress;
    document.title = "Review queue: " + data.corpus + " (" + data.progress + ")";
    $("title").textContent = "Review queue · " + data.corpus;
    fill($("traveller"), data.facets.travellers, "every traveller");
    fill($("language"), data.facets.languages, "every language");
    $("traveller").value = p.traveller;
    $("language").value = p.language;
    $("show").value = p.show;
    $("matching").textContent = data.matching + " draft" + (data.matching === 1 ? "" : "s");
    const body = $("rows");
    body.replaceChildren();
    data.rows.forEach((r, i) => {
      const tr = document.createElement("tr");
      tr.dataset.name = r.name;
      if (r.reviewed) tr.classList.add("done");
      cell(tr, String(data.first + i), "n");
      const name = cell(tr, "");
      const a = document.createElement("a");
      a.href = "d/" + encodeURIComponent(r.name) + "/";
      a.textContent = r.name;
      name.append(a);
      cell(tr, (r.travellers || []).join(", "));
      cell(tr, r.language || "");
      cell(tr, r.stops === null || r.stops === undefined ? "" : String(r.stops), "n");
      cell(tr, r.doubt ? String(r.doubt) : "", "n");
      cell(tr, r.low === null || r.low === undefined ? "" : r.low.toFixed(3), "n");
      cell(tr, r.reviewed ? "reviewed" : r.article ? "" : "no article kept");
      tr.addEventListener("click", (e) => {
        if (e.target.tagName !== "A") select(i);
      });
      body.append(tr);
    });
    $("page").textContent = "page " + data.page + " of " + data.pages;
    $("prev").disabled = data.page <= 1;
    $("next").disabled = data.page >= data.pages;
    select(Math.min(current, Math.max(0, data.rows.length - 1)));
  }

  function select(i) {
    current = i;
    const rows = $("rows").children;
    for (let k = 0; k < rows.length; k++) rows[k].classList.toggle("current", k === i);
    if (rows[i]) rows[i].scrollIntoView({ block: "nearest" });
  }

  async function load() {
    const p = params();
    const q = new URLSearchParams({ traveller: p.traveller, language: p.language, show: p.show, page: String(p.page) });
    const r = await fetch("api/queue?" + q.toString(), { credentials: "same-origin" });
    if (!r.ok) {
      $("progress").textContent = "could not load the queue: " + r.status;
      return;
    }
    data = await r.json();
    render();
    document.body.dataset.ready = "1";
  }

  $("traveller").addEventListener("change", (e) => go({ traveller: e.target.value, page: 1 }));
  $("language").addEventListener("change", (e) => go({ language: e.target.value, page: 1 }));
  $("show").addEventListener("change", (e) => go({ show: e.target.value, page: 1 }));
  $("prev").addEventListener("click", () => go({ page: data.page - 1 }));
  $("next").addEventListener("click", () => go({ page: data.page + 1 }));
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  document.addEventListener("keydown", (e) => {
    if (!data || e.target.tagName === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "j") select(Math.min(current + 1, data.rows.length - 1));
    else if (e.key === "k") select(Math.max(current - 1, 0));
    else if (e.key === "Enter" && data.rows[current]) location.href = "d/" + encodeURIComponent(data.rows[current].name) + "/";
    else if (e.key === "]" && data.page < data.pages) go({ page: data.page + 1 });
    else if (e.key === "[" && data.page > 1) go({ page: data.page - 1 });
    else return;
    e.preventDefault();
  });
  window.addEventListener("hashchange", () => {
    current = 0;
    load();
  });
  load();
})();
