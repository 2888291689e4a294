/* The legend: title, travellers and totals, and a key of only what is drawn. */

// ------------------------------------------------------------------ controls

// What the map draws, so that the key lists only that (as the print map's legend does).
function drawn(data) {
  var out = { stop: {}, leg: {}, assumed: false, legs: false, regions: false, doubt: false, doubtLeg: false };
  data.trips.forEach(function (t) {
    (t.stops || []).forEach(function (s) {
      if (!s) return;
      out.stop[s.status] = true;
      if (s.doubt && s.doubt.length) out.doubt = true;
    });
    (t.legs || []).forEach(function (l) {
      out.leg[l.status] = true;
      out.legs = true;
      if (l.doubt) out.doubtLeg = true;
      if (l.basis === "assumed") out.assumed = true;
    });
    if ((t.regions || []).length) out.regions = true;
  });
  return out;
}

function legendKeys(th, data) {
  var has = drawn(data);
  var rows = [];
  ["confirmed", "planned", "cancelled"].forEach(function (st) {
    if (has.stop[st]) rows.push(["itn-key-stop itn-" + st, t("{status} stop", { status: statusLabel(st) })]);
  });
  ["confirmed", "planned", "cancelled"].forEach(function (st) {
    if (!has.leg[st]) return;
    var k = el("span", "itn-key-line");
    var s = th.status[st];
    k.style.borderTopStyle = s.dash ? (s.dash[0] < 4 ? "dotted" : "dashed") : "solid";
    if (s.color) k.style.borderTopColor = s.color;
    rows.push([k, st === "cancelled" ? t("{status} leg (detour not taken)", { status: statusLabel(st) }) : t("{status} leg", { status: statusLabel(st) })]);
  });
  if (has.doubt) rows.push(["itn-key-stop itn-key-doubt", t("{doubt} (the popup says why)", { doubt: t(th.doubt.label) })]);
  if (has.doubtLeg) {
    var dk = el("span", "itn-key-line itn-key-doubt-leg");
    dk.style.borderTopColor = th.doubt.color;
    rows.push([dk, t("implausible leg, {doubt} (not in the totals)", { doubt: t(th.doubt.label) })]);
  }
  if (has.assumed) rows.push(["itn-key-line itn-key-faint", t(th.basis.assumed.label)]);
  if (has.legs) {
    rows.push(["itn-key-line itn-key-thick", t("rail thick, road/sea medium, air thin")]);
    rows.push(["itn-key-arrow", t("direction of travel")]);
  }
  if (has.regions) rows.push(["itn-key-region", t("region (dashed: context)")]);
  return rows;
}

// The trip's totals in words; distances come written in the page's language (km_text).
function tripTotals(trip) {
  var tt = trip.totals || {};
  var bits = [];
  if (tt.km) bits.push(tt.km_text);
  if (tt.days) bits.push(tn("{n} day", "{n} days", tt.days, { n: tt.days }));
  if (tt.doubtful_legs) bits.push(tn("{n} doubtful leg not counted", "{n} doubtful legs not counted", tt.doubtful_legs, { n: tt.doubtful_legs }));
  var modes = Object.keys(tt.km_by_mode || {}).map(function (m) { return modeLabel(m) + " " + tt.mode_text[m]; });
  return [bits.join(" \u00B7 "), modes.length > 1 ? modes.join(", ") : ""];
}

function addLegend(map, data, small) {
  var c = L.control({ position: "bottomright" });
  c.onAdd = function () {
    var box = el("div", "itn-legend leaflet-bar" + (small ? " itn-legend-closed" : ""));
    var head = el("button", "itn-legend-title", data.title || t("Itinerary"));
    head.type = "button";
    head.title = t("Show or hide the key");
    head.setAttribute("aria-expanded", small ? "false" : "true");
    L.DomEvent.on(head, "click", function () {
      var closed = box.classList.toggle("itn-legend-closed");
      head.setAttribute("aria-expanded", closed ? "false" : "true");
      map.fire("moveend");
    });
    box.appendChild(head);
    var body = el("div", "itn-legend-body");
    box.appendChild(body);
    if (data.as_of) body.appendChild(el("div", "itn-legend-asof", t("As known on {day}", { day: fmtDay(dayNumber(data.as_of)) })));
    data.trips.forEach(function (t) {
      var row = el("div", "itn-legend-row");
      var sw = el("span", "itn-swatch");
      sw.style.background = t.color;
      row.appendChild(sw);
      var txt = el("span", "itn-legend-trip");
      txt.appendChild(el("span", "itn-legend-traveller", t.traveller));
      var tot = tripTotals(t);
      if (tot[0]) txt.appendChild(el("span", "itn-legend-totals", tot[0]));
      if (tot[1]) txt.appendChild(el("span", "itn-legend-modes", tot[1]));
      row.appendChild(txt);
      body.appendChild(row);
    });
    var keys = el("div", "itn-legend-keys");
    body.appendChild(keys);
    legendKeys(data.theme, data).forEach(function (k) {
      var row = el("div", "itn-legend-row");
      row.appendChild(typeof k[0] === "string" ? el("span", k[0]) : k[0]);
      row.appendChild(el("span", null, k[1]));
      keys.appendChild(row);
    });
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  c.addTo(map);
  return c.getContainer();
}

// One row per traveller (a checkbox for the whole trip, its statuses as toggles inside the row);
// the list scrolls when it is long and starts folded on a small screen.
