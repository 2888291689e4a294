/* Controls: the layer list (one row per traveller) and full screen. */

function addLayerControl(map, rows, small) {
  var c = L.control({ position: "topright" });
  var out = {};
  c.onAdd = function () {
    var box = el("div", "leaflet-control-layers itn-layers" + (small ? "" : " leaflet-control-layers-expanded"));
    var head = el("button", "itn-layers-toggle", rows.length === 1 ? t("Layers") : tn("{n} traveller", "{n} travellers", rows.length, { n: rows.length }));
    head.type = "button";
    head.title = t("Show or hide the list of layers");
    head.setAttribute("aria-expanded", small ? "false" : "true");
    L.DomEvent.on(head, "click", function () {
      var open = box.classList.toggle("leaflet-control-layers-expanded");
      head.setAttribute("aria-expanded", open ? "true" : "false");
      map.fire("moveend");
    });
    box.appendChild(head);
    var list = el("div", "leaflet-control-layers-overlays itn-layers-list");
    box.appendChild(list);
    function restack() {  // confirmed lines above planned above cancelled, whatever was toggled
      STATUSES.slice().reverse().forEach(function (st) {
        rows.forEach(function (r) { if (r.groups[st] && map.hasLayer(r.groups[st])) r.groups[st].bringToFront(); });
      });
    }
    rows.forEach(function (r) { list.appendChild(layerRow(map, r, out, restack)); });
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  c.addTo(map);
  return out;
}

// A traveller's row: a checkbox for the whole trip, a toggle per status; out gets its layers.
function layerRow(map, r, out, restack) {
  var row = el("div", "itn-layer-row");
  var lab = el("label", "itn-layer-traveller");
  var cb = el("input");
  cb.type = "checkbox";
  cb.checked = true;
  cb.className = "leaflet-control-layers-selector";
  var sw = el("span", "itn-swatch");
  sw.style.background = r.trip.color;
  lab.appendChild(cb);
  lab.appendChild(sw);
  lab.appendChild(el("span", "itn-layer-name", r.trip.traveller));
  row.appendChild(lab);
  var chips = el("div", "itn-layer-statuses");
  var on = {};
  function sync() {
    STATUSES.forEach(function (st) {
      var g = r.groups[st];
      if (!g) return;
      var want = cb.checked && on[st];
      if (want && !map.hasLayer(g)) map.addLayer(g);
      if (!want && map.hasLayer(g)) map.removeLayer(g);
    });
    if (r.regions && cb.checked !== map.hasLayer(r.regions)) { if (cb.checked) map.addLayer(r.regions); else map.removeLayer(r.regions); }
    row.classList.toggle("itn-layer-off", !cb.checked);
    restack();
    map.fire("overlayadd");  // labels follow the markers shown
  }
  cb.addEventListener("change", sync);
  STATUSES.forEach(function (st) {
    if (!r.groups[st]) return;
    on[st] = true;
    var b = el("button", "itn-status-toggle itn-status-" + st, statusLabel(st));
    b.type = "button";
    b.setAttribute("aria-pressed", "true");
    b.setAttribute("data-itn-status", st);
    b.title = t("Show or hide the {status} stops and legs of {traveller}", { status: statusLabel(st), traveller: r.trip.traveller });
    L.DomEvent.on(b, "click", function () {
      on[st] = !on[st];
      b.setAttribute("aria-pressed", on[st] ? "true" : "false");
      sync();
    });
    chips.appendChild(b);
    out[r.trip.traveller + " \u00B7 " + st] = r.groups[st];
  });
  if (r.regions) out[r.trip.traveller + " \u00B7 regions"] = r.regions;
  row.appendChild(chips);
  return row;
}

function addFullscreen(map) {
  var c = L.control({ position: "topleft" });
  c.onAdd = function () {
    var b = el("a", "itn-fullscreen leaflet-bar");
    b.appendChild(el("span", "itn-fs-icon"));
    b.href = "#";
    b.title = t("Full screen");
    b.setAttribute("role", "button");
    L.DomEvent.on(b, "click", function (ev) {
      L.DomEvent.preventDefault(ev);
      var c2 = map.getContainer();
      if (document.fullscreenElement) document.exitFullscreen(); else if (c2.requestFullscreen) c2.requestFullscreen();
    });
    return b;
  };
  c.addTo(map);
}
