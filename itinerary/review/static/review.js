// The review page: article, stops and map, linked. Every text from the article or the draft is
// inserted with textContent (never innerHTML): the page has no template and runs no inline code.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const api = (path) => "api/" + path;
  let S = null; // the server's state (text, mentions, persons, dates) as loaded
  let trips = []; // the working copy of the stops, edited by the page
  let history = []; // undo stack: snapshots of `trips`
  let etag = null;
  let dirty = false;
  let current = null; // [trip index, stop position] of the selected stop
  let editing = false;
  let map = null;
  let layer = null;
  const pieces = []; // article spans: {el, start, end}
  const markEls = new Map(); // mention id -> mark element

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function say(msg, error) {
    const s = $("status");
    s.textContent = msg;
    s.className = error ? "error" : "";
  }

  function setDirty(v) {
    dirty = v;
    $("dirty").hidden = !v;
  }

  // ------------------------------------------------------------------ loading
  async function load() {
    const r = await fetch(api("state"), { credentials: "same-origin" });
    if (!r.ok) {
      let why = String(r.status);
      try {
        why = (await r.json()).error || why;
      } catch (e) {
        /* not JSON: the status says it */
      }
      say("could not load the review: " + why, true);
      return;
    }
    S = await r.json();
    $("back").hidden = !S.queue;
    etag = S.etag;
    trips = S.trips.map((t) => ({
      index: t.index,
      id: t.id,
      traveller: t.traveller,
      stops: t.stops.map((s) => Object.assign({ rejected: false, added: false }, s)),
    }));
    history = [];
    setDirty(false);
    document.title = "Review: " + S.draft;
    $("title").textContent = S.draft + " · " + S.article;
    $("note").textContent = S.note || "";
    renderArticle();
    renderStops();
    renderMap();
    if (current === null) {
      const first = flat()[0];
      if (first) select(first[0], first[1]);
    } else {
      select(current[0], Math.min(current[1], trips[current[0]].stops.length - 1));
    }
    document.body.dataset.ready = "1";
  }

  // ------------------------------------------------------------------ article
  function renderArticle() {
    const text = S.text;
    const root = $("article");
    root.textContent = "";
    pieces.length = 0;
    markEls.clear();
    const marks = [];
    for (const m of S.mentions) marks.push({ start: m.start, end: m.end, kind: "m", m: m });
    const busy = (a, b) => marks.some((x) => x.kind === "m" && a < x.end && b > x.start);
    for (const [a, b] of S.persons) if (!busy(a, b)) marks.push({ start: a, end: b, kind: "person" });
    for (const [a, b] of S.dates) if (!busy(a, b)) marks.push({ start: a, end: b, kind: "when" });
    marks.sort((x, y) => x.start - y.start || y.end - x.end);
    const cuts = new Set([0, text.length]);
    for (const m of S.mentions) {
      cuts.add(m.sentence[0]);
      cuts.add(m.sentence[1]);
    }
    let pos = 0;
    const plain = (a, b) => {
      const bounds = [...cuts].filter((c) => c > a && c < b).sort((x, y) => x - y);
      let p = a;
      for (const c of [...bounds, b]) {
        if (c > p) {
          const span = el("span", null, text.slice(p, c));
          pieces.push({ el: span, start: p, end: c });
          root.appendChild(span);
        }
        p = c;
      }
    };
    for (const mk of marks) {
      if (mk.start < pos) continue; // overlapping: the first (longest) wins
      plain(pos, mk.start);
      let e;
      if (mk.kind === "m") {
        e = el("mark", "m-" + mk.m.kind, text.slice(mk.start, mk.end));
        e.dataset.mention = String(mk.m.id);
        e.title = mk.m.kind + (mk.m.probability !== null ? " p=" + mk.m.probability : "") + ": " + mk.m.rule;
        e.addEventListener("click", () => clickMention(mk.m));
        markEls.set(mk.m.id, e);
      } else {
        e = el("span", mk.kind, text.slice(mk.start, mk.end));
      }
      pieces.push({ el: e, start: mk.start, end: mk.end });
      root.appendChild(e);
      pos = mk.end;
    }
    plain(pos, text.length);
  }

  // a mention's mark says what the page will save: kept when a live stop comes from it
  function refreshMarks() {
    const live = new Set();
    for (const t of trips) for (const s of t.stops) if (!s.rejected && s.mention !== null) live.add(s.mention);
    for (const [id, e] of markEls) {
      const m = S.mentions[id];
      const kind = live.has(id) ? "kept" : m.kind === "kept" ? "dropped" : m.kind;
      for (const k of ["kept", "dropped", "context"]) e.classList.toggle("m-" + k, k === kind);
    }
  }

  function showSentence(mid) {
    for (const p of pieces) p.el.classList.remove("sentence-on");
    for (const e of markEls.values()) e.classList.remove("on");
    if (mid === null || mid === undefined) return;
    const m = S.mentions[mid];
    if (!m) return;
    for (const p of pieces) {
      if (p.start >= m.sentence[0] && p.end <= m.sentence[1]) p.el.classList.add("sentence-on");
    }
    const e = markEls.get(mid);
    if (e) {
      e.classList.add("on");
      e.scrollIntoView({ block: "nearest" });
    }
  }

  function clickMention(m) {
    const found = flat().find(([ti, si]) => trips[ti].stops[si].mention === m.id);
    if (found) {
      select(found[0], found[1]);
      $("mention-panel").hidden = true;
      return;
    }
    showSentence(m.id);
    const panel = $("mention-panel");
    panel.textContent = "";
    panel.hidden = false;
    panel.appendChild(el("strong", null, m.text));
    panel.appendChild(el("div", "meta", m.kind + (m.probability !== null ? ", p=" + m.probability : "")));
    panel.appendChild(el("div", "rule", m.rule));
    if (m.place) panel.appendChild(el("div", "meta", "gazetteer: " + placeLabel(m.place)));
    const pick = el("select");
    pick.id = "add-trip";
    for (const t of trips) {
      const o = el("option", null, t.traveller);
      o.value = String(t.index);
      if (m.traveller && t.traveller === m.traveller) o.selected = true;
      pick.appendChild(o);
    }
    panel.appendChild(pick);
    const add = el("button", null, "Add as a stop");
    add.type = "button";
    add.id = "add-stop";
    add.addEventListener("click", () => addStop(m, Number(pick.value)));
    panel.appendChild(add);
  }

  // ------------------------------------------------------------------ stops
  function flat() {
    const out = [];
    trips.forEach((t, ti) => t.stops.forEach((_, si) => out.push([ti, si])));
    return out;
  }

  function placeLabel(p) {
    return [p.name, p.kind, p.admin1, p.country_code].filter(Boolean).join(", ");
  }

  function renderStops() {
    refreshMarks();
    const root = $("trips");
    root.textContent = "";
    trips.forEach((t, ti) => {
      const box = el("div", "trip");
      box.appendChild(el("h2", null, t.traveller + " (" + t.stops.filter((s) => !s.rejected).length + " stops)"));
      t.stops.forEach((s, si) => box.appendChild(stopCard(s, ti, si)));
      root.appendChild(box);
    });
  }

  function stopCard(s, ti, si) {
    const on = current && current[0] === ti && current[1] === si;
    const card = el("div", "stop");
    card.classList.toggle("on", !!on);
    card.classList.toggle("rejected", s.rejected);
    card.classList.toggle("reviewed", s.reviewed && !s.rejected);
    card.classList.toggle("added", s.added);
    card.dataset.trip = String(ti);
    card.dataset.stop = String(si);
    const head = el("div", "head");
    head.appendChild(el("span", "n", si + 1 + "."));
    head.appendChild(el("span", "place", s.place));
    head.appendChild(el("span", "badge", s.status));
    if (s.needs_review && !s.reviewed) head.appendChild(el("span", "badge review", "needs review"));
    if (s.reviewed && !s.rejected) head.appendChild(el("span", "badge", "reviewed"));
    card.appendChild(head);
    const meta = [s.date || "no date", s.role];
    if (s.confidence !== null && s.confidence !== undefined) meta.push("p=" + s.confidence);
    if (s.resolved) meta.push("→ " + placeLabel(s.resolved));
    card.appendChild(el("div", "meta", meta.join(" · ")));
    if (s.rule) card.appendChild(el("div", "rule", s.rule));
    const actions = el("div", "actions");
    for (const [label, fn, cls] of [
      ["Accept (a)", () => accept(ti, si), "accept"],
      [s.rejected ? "Restore (r)" : "Reject (r)", () => reject(ti, si), "reject"],
      ["Edit (e)", () => openEdit(ti, si), "do-edit"],
      ["↑", () => reorder(ti, si, -1), "up"],
      ["↓", () => reorder(ti, si, 1), "down"],
    ]) {
      const b = el("button", cls, label);
      b.type = "button";
      b.addEventListener("click", (ev) => {
        ev.stopPropagation();
        select(ti, si);
        fn();
      });
      actions.appendChild(b);
    }
    card.appendChild(actions);
    if (on && editing) card.appendChild(editForm(s, ti, si));
    card.addEventListener("click", () => select(ti, si));
    return card;
  }

  function editForm(s, ti, si) {
    const f = el("div", "edit");
    f.addEventListener("click", (ev) => ev.stopPropagation());
    const row = (label, input) => {
      const l = el("label", null, label);
      l.htmlFor = input.id;
      f.appendChild(l);
      f.appendChild(input);
    };
    row("Place", placeSelect(s, ti, si));
    row("Search", searchInput(s));
    row("Status", valueSelect("edit-status", S.statuses, s.status, (v) => change(ti, si, (x) => (x.status = v))));
    const date = el("input");
    date.id = "edit-date";
    date.value = s.date || "";
    date.placeholder = "YYYY-MM-DD, YYYY-MM, YYYY, START/END";
    date.addEventListener("change", () => change(ti, si, (x) => (x.date = date.value.trim())));
    row("Date", date);
    row("Role", valueSelect("edit-role", S.roles, s.role, (v) => change(ti, si, (x) => (x.role = v))));
    if (trips.length > 1) row("Traveller", travellerSelect(ti, si));
    return f;
  }

  // The place of a stop being edited: kept as it is, or one of the candidates offered.
  function placeSelect(s, ti, si) {
    const place = el("select");
    place.id = "edit-place";
    const choices = s.choices || (s.resolved ? [s.resolved] : []);
    const none = el("option", null, "(keep: " + (s.resolved ? placeLabel(s.resolved) : "unresolved") + ")");
    none.value = "";
    place.appendChild(none);
    choices.forEach((p, i) => {
      const o = el("option", null, placeLabel(p) + " (" + p.id + ")");
      o.value = String(i);
      place.appendChild(o);
    });
    place.addEventListener("change", () => {
      if (place.value === "") return;
      const p = choices[Number(place.value)];
      change(ti, si, (x) => {
        x.resolved = p;
        x.place = p.name;
      });
    });
    return place;
  }

  // A gazetteer search (on Enter) whose answers join the stop's candidates, first.
  function searchInput(s) {
    const search = el("input");
    search.id = "edit-search";
    search.type = "search";
    search.placeholder = "search the gazetteer, Enter";
    search.addEventListener("keydown", async (ev) => {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      const r = await fetch(api("search?q=" + encodeURIComponent(search.value)));
      const found = await r.json();
      s.choices = found.concat((s.choices || []).filter((c) => !found.some((x) => x.id === c.id)));
      renderStops();
      $("edit-place").focus();
      say(found.length + " places found for " + JSON.stringify(search.value));
    });
    return search;
  }

  // A select of ``values`` (a status, a role), ``current`` selected; ``onChange(value)``.
  function valueSelect(id, values, current, onChange) {
    const select = el("select");
    select.id = id;
    for (const v of values) {
      const o = el("option", null, v);
      o.value = v;
      o.selected = v === current;
      select.appendChild(o);
    }
    select.addEventListener("change", () => onChange(select.value));
    return select;
  }

  // The traveller of a stop: choosing another one moves the stop to that trip.
  function travellerSelect(ti, si) {
    const who = el("select");
    who.id = "edit-traveller";
    trips.forEach((t, tj) => {
      const o = el("option", null, t.traveller);
      o.value = String(tj);
      o.selected = tj === ti;
      who.appendChild(o);
    });
    who.addEventListener("change", () => moveToTrip(ti, si, Number(who.value)));
    return who;
  }

  async function loadChoices(s) {
    if (s.choices || s.mention === null || s.mention === undefined) return;
    const r = await fetch(api("candidates?mention=" + s.mention));
    if (!r.ok) return;
    const found = await r.json();
    const own = s.resolved ? [s.resolved] : [];
    s.choices = own.concat(found.filter((p) => !own.some((x) => x.id === p.id)));
  }

  function select(ti, si) {
    if (!trips[ti] || !trips[ti].stops[si]) return;
    const changed = !current || current[0] !== ti || current[1] !== si;
    current = [ti, si];
    if (changed) editing = false;
    $("mention-panel").hidden = true;
    renderStops();
    const card = document.querySelector(`.stop[data-trip="${ti}"][data-stop="${si}"]`);
    if (card) card.scrollIntoView({ block: "nearest" });
    const s = trips[ti].stops[si];
    showSentence(s.mention);
    focusMap(s);
  }

  function move(step) {
    const all = flat();
    if (!all.length) return;
    let i = current ? all.findIndex(([a, b]) => a === current[0] && b === current[1]) : -1;
    i = Math.max(0, Math.min(all.length - 1, i + step));
    select(all[i][0], all[i][1]);
  }

  // ------------------------------------------------------------------ edits
  function snapshot() {
    history.push(JSON.stringify(trips));
    if (history.length > 500) history.shift();
    setDirty(true);
  }

  function change(ti, si, fn) {
    snapshot();
    const s = trips[ti].stops[si];
    fn(s);
    s.reviewed = true;
    s.rejected = false;
    renderStops();
    renderMap();
    focusMap(s);
  }

  function accept(ti, si) {
    change(ti, si, () => {});
    say("accepted " + trips[ti].stops[si].place);
  }

  function reject(ti, si) {
    snapshot();
    const s = trips[ti].stops[si];
    s.rejected = !s.rejected;
    s.reviewed = !s.rejected;
    renderStops();
    renderMap();
    say((s.rejected ? "rejected " : "restored ") + s.place);
  }

  async function openEdit(ti, si) {
    editing = true;
    await loadChoices(trips[ti].stops[si]);
    renderStops();
    const p = $("edit-place");
    if (p) p.focus();
  }

  function addStop(m, tripIndex) {
    const ti = trips.findIndex((t) => t.index === tripIndex);
    if (ti < 0) return;
    snapshot();
    const t = trips[ti];
    const pos = textPosition(t, m.start);
    t.stops.splice(pos, 0, {
      orig: null,
      place: m.query,
      status: m.status || "confirmed",
      date: m.date || "",
      role: m.role || "visit",
      confidence: m.probability,
      rule: m.kind === "selected" ? "added by a person from the text" : "added by a person (the extractor: " + m.kind + ", " + m.rule + ")",
      quote: "",
      needs_review: false,
      reviewed: true,
      resolved: m.place,
      mention: m.id,
      rejected: false,
      added: true,
    });
    renderStops();
    renderMap();
    select(ti, pos);
    say("added " + m.query);
  }

  function reorder(ti, si, step) {
    const stops = trips[ti].stops;
    const to = si + step;
    if (to < 0 || to >= stops.length) return;
    snapshot();
    const [s] = stops.splice(si, 1);
    stops.splice(to, 0, s);
    s.reviewed = true;
    current = [ti, to];
    renderStops();
    renderMap();
    select(ti, to);
    say("moved " + s.place + (step < 0 ? " up" : " down"));
  }

  // a stop moved to another traveller's trip, at its place in the text order there
  function moveToTrip(ti, si, tj) {
    if (ti === tj) return;
    snapshot();
    const [s] = trips[ti].stops.splice(si, 1);
    if (s.orig !== null && (s.from_trip === undefined || s.from_trip === null)) s.from_trip = trips[ti].index;
    s.reviewed = true;
    s.rejected = false;
    const pos = textPosition(trips[tj], s.mention === null ? -1 : S.mentions[s.mention].start);
    trips[tj].stops.splice(pos, 0, s);
    editing = false;
    select(tj, pos);
    renderMap();
    say("moved " + s.place + " to " + trips[tj].traveller);
  }

  function textPosition(t, start) {
    const at = (x) => (x.mention !== null && x.mention !== undefined ? S.mentions[x.mention].start : -1);
    for (let i = 0; i < t.stops.length; i++) if (at(t.stops[i]) > start) return i;
    return t.stops.length;
  }

  // the article offsets of the selected text (null when nothing in the article is selected)
  function selectionOffsets() {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const root = $("article");
    const at = (node, off) => {
      if (node === root) return off < pieces.length ? pieces[off].start : S.text.length;
      const host = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      const p = pieces.find((x) => x.el === host);
      if (!p) return null;
      if (node.nodeType === Node.TEXT_NODE) return p.start + off;
      return off === 0 ? p.start : p.end;
    };
    const a = at(range.startContainer, range.startOffset);
    const b = at(range.endContainer, range.endOffset);
    return a === null || b === null || b <= a ? null : [a, b];
  }

  async function addSelection() {
    const span = selectionOffsets();
    if (!span) {
      say("select a place name in the article first", true);
      return;
    }
    const r = await fetch(api("mention"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ start: span[0], end: span[1] }),
    });
    const m = await r.json();
    if (!r.ok) {
      say(m.error, true);
      return;
    }
    window.getSelection().removeAllRanges();
    S.mentions[m.id] = m;
    renderArticle();
    addStop(m, trips[current ? current[0] : 0].index);
  }

  function undo() {
    if (!history.length) {
      say("nothing to undo");
      return;
    }
    trips = JSON.parse(history.pop());
    setDirty(history.length > 0);
    renderStops();
    renderMap();
    if (current) select(Math.min(current[0], trips.length - 1), current[1]);
    say("undone");
  }

  async function save() {
    const body = {
      trips: trips.map((t) => ({
        index: t.index,
        stops: t.stops
          .filter((s) => !s.rejected)
          .map((s) => ({
            orig: s.orig,
            from_trip: s.from_trip === undefined ? null : s.from_trip,
            place: s.place,
            status: s.status,
            date: s.date,
            role: s.role,
            resolved_id: s.resolved ? s.resolved.id : null,
            reviewed: !!s.reviewed,
            mention: s.mention,
          })),
      })),
    };
    say("saving…");
    const r = await fetch(api("save"), {
      method: "POST",
      headers: { "Content-Type": "application/json", "If-Match": etag },
      body: JSON.stringify(body),
    });
    const answer = await r.json();
    if (r.status === 412) {
      $("conflict").hidden = false;
      $("conflict-message").textContent = answer.error;
      $("conflict-diff").textContent = answer.diff || "";
      say("not saved: the file changed on disk", true);
      return;
    }
    if (!r.ok) {
      say("not saved: " + answer.error, true);
      return;
    }
    $("conflict").hidden = true;
    await load();
    say("saved; " + answer.decisions + " decisions stored in " + answer.corrections);
  }

  // ------------------------------------------------------------------ map
  async function startMap() {
    if (typeof L === "undefined") return;
    map = L.map("map", { zoomSnap: 0.25, worldCopyJump: true, attributionControl: false });
    map.setView([30, 20], 2);
    new ResizeObserver(() => map.invalidateSize()).observe($("map")); // the panes settle after load
    const r = await fetch(api("basemap"));
    if (r.ok) {
      const land = await r.json();
      for (const shift of [-360, 0, 360]) {
        // three copies of the world: a trip across the antimeridian still has land under it
        L.geoJSON(land, {
          style: { color: "#8a99a8", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
          interactive: false,
          coordsToLatLng: (c) => L.latLng(c[1], c[0] + shift),
        }).addTo(map);
      }
    }
    renderMap();
    if (current) focusMap(trips[current[0]].stops[current[1]]);
  }

  const COLORS = { confirmed: "#2e8b57", planned: "#1a5fb4", cancelled: "#c0392b" };

  function renderMap() {
    if (!map) return;
    if (layer) layer.remove();
    layer = L.layerGroup().addTo(map);
    const all = [];
    trips.forEach((t, ti) => {
      const line = [];
      t.stops.forEach((s, si) => {
        if (s.rejected || !s.resolved) return;
        const ll = [s.resolved.lat, s.resolved.lon];
        line.push(ll);
        all.push(ll);
        const on = current && current[0] === ti && current[1] === si;
        const mk = L.circleMarker(ll, {
          radius: on ? 9 : 6,
          color: on ? "#111" : "#fff",
          weight: 2,
          fillColor: COLORS[s.status] || "#555",
          fillOpacity: 0.95,
          className: "stop-marker" + (on ? " on" : ""),
        });
        mk.bindTooltip(el("span", null, s.place)); // a node: Leaflet sets a string as HTML
        mk.on("click", () => select(ti, si));
        mk.addTo(layer);
      });
      if (line.length > 1) L.polyline(line, { color: "#445", weight: 1.5, dashArray: "4 4" }).addTo(layer);
    });
    if (all.length && !map._fitted) {
      map.fitBounds(L.latLngBounds(all).pad(0.3), { maxZoom: 6 });
      map._fitted = true;
    }
  }

  function focusMap(s) {
    if (!map) return;
    renderMap();
    if (s && s.resolved && !s.rejected) map.panTo([s.resolved.lat, s.resolved.lon], { animate: false });
  }

  // ------------------------------------------------------------------ keys
  document.addEventListener("keydown", (ev) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName);
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "s") {
      ev.preventDefault();
      save();
      return;
    }
    if (typing) {
      if (ev.key === "Escape") {
        ev.target.blur();
      }
      return;
    }
    if (ev.ctrlKey || ev.metaKey || ev.altKey) {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === "z") {
        ev.preventDefault();
        undo();
      }
      return;
    }
    const keys = {
      j: () => move(1),
      k: () => move(-1),
      J: () => current && reorder(current[0], current[1], 1),
      K: () => current && reorder(current[0], current[1], -1),
      a: () => current && accept(current[0], current[1]),
      r: () => current && reject(current[0], current[1]),
      e: () => current && openEdit(current[0], current[1]),
      u: () => undo(),
      n: () => addSelection(),
      s: () => save(),
      Escape: () => {
        editing = false;
        renderStops();
      },
    };
    const fn = keys[ev.key];
    if (fn) {
      ev.preventDefault();
      fn();
    }
  });

  window.addEventListener("beforeunload", (ev) => {
    if (!dirty) return;
    ev.preventDefault();
    ev.returnValue = "";
  });

  $("save").addEventListener("click", () => save());
  $("undo").addEventListener("click", () => undo());
  $("add-selection").addEventListener("click", () => addSelection());
  load().then(startMap);
})();
