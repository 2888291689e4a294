/* The minimap and the notice shown when background tiles fail. */

function addTileNotice(map) {
  var shown = false;
  map.eachLayer(function (layer) {
    if (!(layer instanceof L.TileLayer)) return;
    layer.on("tileerror", function () {
      if (shown) return;
      shown = true;
      var c = L.control({ position: "bottomleft" });
      c.onAdd = function () {
        var box = el("div", "itn-notice leaflet-bar");
        var close = el("button", "itn-notice-close", "\u00D7");
        close.type = "button";
        close.title = t("Close this notice");
        close.setAttribute("aria-label", t("Close this notice"));
        L.DomEvent.on(close, "click", function () { c.remove(); map.fire("moveend"); });
        box.appendChild(close);
        box.appendChild(el("span", null, t("Background tiles need the network; the trips are drawn without them. Use offline=True (or --offline) for the built-in basemap.")));
        L.DomEvent.disableClickPropagation(box);
        return box;
      };
      c.addTo(map);
      map.fire("moveend");  // labels move clear of the notice
    });
  });
}

function addMiniMap(map, data, dxs) {
  var c = L.control({ position: "topleft" });
  c.onAdd = function () {
    var box = el("div", "itn-minimap leaflet-bar");
    setTimeout(function () {
      var mini = L.map(box, { attributionControl: false, zoomControl: false, dragging: false, scrollWheelZoom: false,
        doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false });
      mini.setView(map.getCenter(), Math.max(0, map.getZoom() - 5), { animate: false });
      if (data.minimap.geojson) {
        addBasemap(mini, data.minimap.geojson, { color: "#999", weight: 0.5, fillColor: "#e8e4da", fillOpacity: 1 }, dxs);
      } else if (data.minimap.url) {
        L.tileLayer(data.minimap.url, { subdomains: data.minimap.subdomains || "abc" }).addTo(mini);
      }
      var rect = L.rectangle(map.getBounds(), { color: "#c0392b", weight: 1, fill: false, interactive: false }).addTo(mini);
      function sync() {
        mini.setView(map.getCenter(), Math.max(0, map.getZoom() - 5), { animate: false });
        rect.setBounds(map.getBounds());
      }
      map.on("moveend zoomend", sync);
      sync();
    }, 0);
    return box;
  };
  c.addTo(map);
}
