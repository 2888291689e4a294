/* Drawing one trip: markers, legs, regions; the rows of the layer control. */

// The travel day of each stop (a stop without a date takes the previous one's).
function stopDays(trip) {
  var prevDay = null;
  return trip.stops.map(function (s) {
    var d = s ? dayNumber(s.date_start) : null;
    if (d === null) d = prevDay; else prevDay = d;
    return d;
  });
}

function drawTrip(map, data, trip, ctx) {
  var groups = {};
  STATUSES.forEach(function (st) { groups[st] = L.featureGroup(); });
  var t0 = { map: map, th: data.theme, trip: trip, ctx: ctx, groups: groups, days: stopDays(trip), byStop: {} };
  trip.markers.forEach(function (mk, mi) { drawMarker(t0, mk, mi); });
  trip.legs.forEach(function (leg) { drawLeg(t0, leg); });
  var regions = drawRegions(trip);
  var row = { trip: trip, groups: {}, regions: null };
  STATUSES.forEach(function (st) { if (groups[st].getLayers().length) row.groups[st] = groups[st]; });
  if (regions.getLayers().length) row.regions = regions;
  ctx.rows.push(row);
}

// One marker (one place, one or more stops), its popup, tooltip and label.
function drawMarker(t0, mk, mi) {
  var trip = t0.trip, ctx = t0.ctx, days = t0.days;
  var stops = mk.s.map(function (i) { return trip.stops[i]; });
  var s0 = stops[0], status = markerStatus(stops);
  var text = stops.map(function (s) { return s.n; }).join(", ");
  var doubt = stops.some(function (s) { return s.doubt && s.doubt.length; });
  var m = L.marker([s0.lat, s0.lon], { icon: stopIcon(text, status, trip.color, mk.k || 0, doubt), title: s0.name, riseOnHover: true,
    alt: text + ". " + s0.name + (doubt ? " (" + t(t0.th.doubt.label) + ")" : ""), zIndexOffset: STATUS_Z[status] });
  m.itnStatus = status;
  m.on("add", function () { var e = m.getElement(); if (e) e.setAttribute("data-itn-trip", trip.id); });
  t0.groups[status].addLayer(m);
  var first = Math.min.apply(null, mk.s.map(function (i) { return days[i] === null ? Infinity : days[i]; }));
  var item = { layer: m, group: t0.groups[status], day: first === Infinity ? null : first, stops: stops,
    text: text, slot: mk.k || 0, color: trip.color, doubt: doubt, travelOK: true, knownOK: true };
  ctx.items.push(item);
  mk.s.forEach(function (i) { t0.byStop[i] = item; });
  ctx.bounds.extend([s0.lat, s0.lon]);
  var dates = [];
  stops.forEach(function (s) { if (s.d && dates.indexOf(s.d) < 0) dates.push(s.d); });
  var w = markerWidth(text);
  var label = labelItem(s0.name, dates.join(", "), "itn-label-stop itn-label-" + status + (doubt ? " itn-label-doubtful" : ""), "12px system-ui, sans-serif", {
    latlng: L.latLng(s0.lat, s0.lon), marker: m, shift: L.point((mk.k || 0) * 26, 0), hw: w / 2 + 1, hh: 13,
    prio: mk.p, key: trip.id + ":" + mi, color: trip.color, doubt: doubt,
    num: ctx.numbered && !mk.same ? text : null,  // several travellers: the stop numbers, in the traveller's colour
    same: !!mk.same,  // another traveller's marker here already carries this label
    stops: stops, traveller: ctx.numbered ? trip.traveller : null
  });
  ctx.labels.push(label);
  m.bindPopup(function () { return popupContent(stops, trip, ctx.sources, t0.map.itinerary.knownDay, label); }, { maxWidth: 320, autoPan: false });  // panned by panPopupsClear
  m.bindTooltip(function () { return clusterList(label); }, { direction: "top", offset: [0, -12], className: "itn-cluster-tip" });
}

// The lines of a leg: a halo when it is implausible, its path(s), faint connectors.
function legLines(th, leg, color, bounds) {
  var style = legStyle(th, leg, color);
  var parts = [];
  if (leg.doubt) {  // an implausible leg: a wide halo of the doubt colour under the line
    leg.paths.forEach(function (path) {
      parts.push(L.polyline(path, { color: th.doubt.color, weight: style.weight + 7, opacity: 0.45, className: "itn-doubt-halo" }));
    });
    style.dashArray = th.doubt.dash.join(" ");
  }
  leg.paths.forEach(function (path) {
    path.forEach(function (q) { bounds.extend(q); });
    parts.push(L.polyline(path, style));
  });
  (leg.connectors || []).forEach(function (c) {
    var cs = th.connector;
    parts.push(L.polyline(c, { color: color, weight: cs.weight, opacity: cs.opacity, dashArray: cs.dash.join(" "), className: "itn-connector" }));
  });
  var line = L.featureGroup(parts);
  line.eachLayer(function (pl) {
    pl.on("add", function () {
      var e = pl.getElement();
      var cls = pl.options.className;
      if (e && cls !== "itn-connector" && cls !== "itn-doubt-halo") {
        e.classList.add("itn-leg", "itn-leg-" + leg.status, "itn-mode-" + leg.mode, "itn-basis-" + leg.basis, "itn-drawn-" + leg.drawn);
        if (leg.doubt) e.classList.add("itn-leg-doubtful");
      }
    });
  });
  return line;
}

// A leg's tooltip: from, to, mode, how it is drawn, length, and why it is doubtful.
function legTip(th, leg) {
  var drawn = t((th.drawn[leg.drawn] || {}).label || leg.drawn);
  var basis = t((th.basis[leg.basis] || th.basis.assumed).label);
  var tip = leg.from + " \u2192 " + leg.to + " \u00B7 " + modeLabel(leg.mode) + " (" + basis + ") \u00B7 " + drawn + (leg.km_text ? " \u00B7 " + leg.km_text : "");
  if (leg.doubt) tip += " \u00B7 " + t("to be checked: {why}", { why: leg.doubt });
  return el("span", null, tip);
}

function drawLeg(t0, leg) {
  var th = t0.th, trip = t0.trip, days = t0.days;
  var group = t0.groups[leg.status];
  var line = legLines(th, leg, trip.color, t0.ctx.bounds);
  line.bindTooltip(legTip(th, leg), { sticky: true });
  var mid = leg.arrow;
  if (mid) line.addLayer(L.marker(mid[0], { icon: bearingIcon(mid[0], mid[1], (th.status[leg.status] || {}).color || trip.color), interactive: false, keyboard: false }));
  group.addLayer(line);
  var a = days[leg.from_index], b = days[leg.to_index];
  var d = Math.max(a === null ? -Infinity : a, b === null ? -Infinity : b);
  t0.ctx.items.push({ layer: line, group: group, day: d === -Infinity ? null : d, leg: leg, color: trip.color,
    ends: [t0.byStop[leg.from_index], t0.byStop[leg.to_index]], travelOK: true, knownOK: true });
}

function drawRegions(trip) {
  var regions = L.featureGroup();
  (trip.regions || []).forEach(function (r) {
    var g = L.geoJSON(r.geojson, { style: { color: trip.color, weight: 1.5, fillOpacity: r.from_hint ? 0.06 : 0.12, dashArray: r.from_hint ? "4 4" : null } });
    g.bindTooltip(el("span", null, r.from_hint ? t("{name} (context)", { name: r.name }) : r.name), { sticky: true });
    regions.addLayer(g);
  });
  return regions;
}

// Every trip's layers, added status by status (cancelled first, confirmed last: on top).
function addRows(map, rows) {
  rows.forEach(function (r) { if (r.regions) r.regions.addTo(map); });
  STATUSES.slice().reverse().forEach(function (st) {
    rows.forEach(function (r) { if (r.groups[st]) r.groups[st].addTo(map); });
  });
}
