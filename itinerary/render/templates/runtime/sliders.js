/* The time sliders: the trip up to a travel date, and as known on a publication day. */

function addTimeSlider(map, items, labels) {
  var days = items.map(function (x) { return x.day; }).filter(function (d) { return d !== null; });
  if (!days.length) return;
  var lo = Math.min.apply(null, days), hi = Math.max.apply(null, days);
  var c = L.control({ position: "bottomleft" });
  c.onAdd = function () {
    var box = el("div", "itn-slider leaflet-bar");
    var label = el("div", "itn-slider-label", t("Whole trip"));
    var input = el("input");
    input.type = "range";
    input.min = String(lo);
    input.max = String(hi + 1);
    input.value = String(hi + 1);
    input.step = "1";
    input.setAttribute("aria-label", t("Show the trip up to a travel date"));
    input.className = "itn-slider-input";
    function apply() {
      var v = parseInt(input.value, 10);
      var showAll = v > hi;
      label.textContent = showAll ? t("Whole trip") : t("Trip up to {day}", { day: fmtDay(v) });
      items.forEach(function (x) {
        x.travelOK = showAll || x.day === null || x.day <= v;
        showItem(x);
      });
      labels.update();
    }
    input.addEventListener("input", apply);
    map.itinerarySetDay = function (iso) { input.value = iso ? String(dayNumber(iso)) : String(hi + 1); apply(); };
    box.appendChild(label);
    box.appendChild(input);
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  c.addTo(map);
}

function showItem(x) {
  var visible = x.travelOK && x.knownOK;
  if (visible && !x.group.hasLayer(x.layer)) x.group.addLayer(x.layer);
  if (!visible && x.group.hasLayer(x.layer)) x.group.removeLayer(x.layer);
}

function restyle(x, status) {
  if (x.stops) {
    if (x.layer.itnStatus === status) return;
    x.layer.itnStatus = status;
    x.layer.setIcon(stopIcon(x.text, status, x.color, x.slot, x.doubt));
    x.layer.setZIndexOffset(STATUS_Z[status]);
    return;
  }
  var st = { mode: x.leg.mode, basis: x.leg.basis, status: status };
  x.layer.eachLayer(function (pl) {
    if (!pl.setStyle || pl.options.className === "itn-connector" || pl.options.className === "itn-doubt-halo") return;
    var style = legStyle(THEME, st, x.color);
    if (x.leg.doubt) style.dashArray = THEME.doubt.dash.join(" ");
    pl.setStyle(style);
    var e = pl.getElement && pl.getElement();
    if (e) {
      e.classList.remove("itn-leg-confirmed", "itn-leg-planned", "itn-leg-cancelled");
      e.classList.add("itn-leg-" + status);
    }
  });
}

function markerKnown(x, day) {
  // a marker's status as known on a day: from the visits known by then (null: none known yet)
  var known = x.stops.map(function (s) { return knownStatus(s, day); }).filter(function (st) { return st; });
  if (!known.length) return null;
  return markerStatus(known.map(function (st) { return { status: st }; }));
}

function addKnownSlider(map, data, items, labels) {
  // the trip as known on a day: only what sources published by then said, with the status they gave
  var days = data.known_days.map(dayNumber);
  var c = L.control({ position: "bottomleft" });
  c.onAdd = function () {
    var box = el("div", "itn-slider itn-known leaflet-bar");
    var label = el("div", "itn-known-label", "");
    var input = el("input");
    input.type = "range";
    input.min = "0";
    input.max = String(days.length - 1);
    input.value = String(days.length - 1);
    input.step = "1";
    input.setAttribute("aria-label", t("Show the trip as it was known on a day"));
    input.className = "itn-known-input";
    function apply() {
      var v = days[parseInt(input.value, 10)];
      var end = v === days[days.length - 1] && data.as_of && data.as_of > isoOf(v);
      label.textContent = t("As known on {day}", { day: fmtDay(end ? dayNumber(data.as_of) : v) });  // at the end: the file's day
      map.itinerary.knownDay = v === days[days.length - 1] ? null : v;
      var status = new Map();
      items.forEach(function (x) {
        if (!x.stops) return;
        var st = markerKnown(x, v);
        status.set(x, st);
        x.knownOK = st !== null;
        if (st) restyle(x, st);
      });
      items.forEach(function (x) {
        if (x.stops) { showItem(x); return; }
        var a = status.get(x.ends[0]), b = status.get(x.ends[1]);
        x.knownOK = !!(a && b);
        if (a && b) restyle(x, legStatusOf(a, b));
        showItem(x);
      });
      labels.update();
    }
    input.addEventListener("input", apply);
    map.itinerarySetKnown = function (iso) { input.value = String(Math.max(0, days.filter(function (d) { return d <= dayNumber(iso); }).length - 1)); apply(); };
    box.appendChild(label);
    box.appendChild(input);
    setTimeout(apply, 0);
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  c.addTo(map);
}
