/* The offline basemap (Natural Earth land) and its place names. */

// ------------------------------------------------------------------ basemap

function shifts(bounds) {
  var out = [0];
  if (bounds.isValid() && bounds.getEast() > 180) out.push(360);
  if (bounds.isValid() && bounds.getWest() < -180) out.push(-360);
  return out;
}

function addBasemap(target, geojson, style, dxs) {
  if (!target.getPane("itnBase")) target.createPane("itnBase").style.zIndex = 250;  // under the trips
  dxs.forEach(function (dx) {
    L.geoJSON(geojson, {
      style: style, interactive: false, pane: "itnBase",
      coordsToLatLng: function (c) { return L.latLng(c[1], c[0] + dx); }
    }).addTo(target);
  });
}

function basemapLabels(data, dxs) {
  var order = { s: 0, c: 1, p: 2, t: 3 };
  var rows = (data.labels || []).slice().sort(function (a, b) { return (order[a[4]] - order[b[4]]) || (a[3] - b[3]); });
  var out = [];
  rows.forEach(function (r) {
    var font = r[4] === "c" ? "11px system-ui, sans-serif" : "10px system-ui, sans-serif";
    dxs.forEach(function (dx) {
      out.push(labelItem(r[5], null, "itn-bl itn-bl-" + r[4], font, { latlng: L.latLng(r[1], r[0] + dx), minZoom: r[2] }));
    });
  });
  return out;
}
