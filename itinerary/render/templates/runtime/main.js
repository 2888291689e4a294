/* The entry point: draws the payload on a Leaflet map. */

// Leaflet's own words (the attribution link's title, the zoom buttons) in the page's language.
function translateLeaflet(map) {
  var ac = map.attributionControl, prefix = ac && ac.options.prefix;
  if (typeof prefix === "string") {  // Leaflet's link title, written as escaped attribute text
    var title = escapeAttr(t("A JavaScript library for interactive maps"));
    ac.setPrefix(prefix.replace(RegExp("title=\"[^\"]*\""), "title=\"" + title + "\""));
  }
  if (map.zoomControl) {  // Leaflet's own buttons speak the page's language too
    [[map.zoomControl._zoomInButton, t("Zoom in")], [map.zoomControl._zoomOutButton, t("Zoom out")]].forEach(function (b) {
      if (b[0]) { b[0].title = b[1]; b[0].setAttribute("aria-label", b[1]); }
    });
  }
}

// Leaflet's scale bar, its unit in words.
function addScale(map) {
  var scale = L.control.scale({ imperial: false, maxWidth: 150 });  // wide enough for its label
  scale._updateScale = function (line, text, ratio) {  // Leaflet's "500 km" / "300 m", unit in words, as text
    var parts = text.split(" ");
    line.style.width = Math.round(this.options.maxWidth * ratio) + "px";
    line.textContent = parts[0] + " " + (parts[1] === "km" ? t("km") : t("m"));
  };
  scale.addTo(map);
}

window.itineraryDraw = function (map, data) {
  var small = map.getSize().x < SMALL;
  THEME = data.theme;
  setLabelRules(data.theme.labels);
  if (data.words) WORDS = data.words;
  if (data.words) document.documentElement.lang = data.words.lang;
  translateLeaflet(map);
  POPUP = data.popup || [];
  map.itinerary = { knownDay: null };  // null: as known now (the whole file)
  var ctx = { rows: [], items: [], labels: [], bounds: L.latLngBounds([]), sources: {}, numbered: data.trips.length > 1 };
  (data.sources || []).forEach(function (s) { ctx.sources[s.id] = s; });
  data.trips.forEach(function (trip) { drawTrip(map, data, trip, ctx); });
  addRows(map, ctx.rows);
  var dxs = shifts(ctx.bounds);
  if (data.basemap) {
    var bm = data.theme.basemap;
    map.getContainer().classList.add("itn-offline-map");
    map.getContainer().style.background = bm.sea;
    addBasemap(map, data.basemap, { color: bm.border, weight: 0.6, fillColor: bm.land, fillOpacity: 1 }, dxs);
    map.attributionControl.addAttribution(t("Basemap: Natural Earth (public domain)"));
  }
  ctx.labels.sort(function (a, b) { return a.prio - b.prio; });
  var labels = new LabelLayer(ctx.labels.concat(basemapLabels(data, dxs)), small ? PLACING.small_max_gap_px : GAPS[GAPS.length - 1]);

  var overlays = addLayerControl(map, ctx.rows, small);
  addScale(map);
  var legend = addLegend(map, data, small || data.trips.length > 6);
  addFullscreen(map);
  addTimeSlider(map, ctx.items, labels);
  if ((data.known_days || []).length > 1) addKnownSlider(map, data, ctx.items, labels);
  if (data.minimap && !small) addMiniMap(map, data, dxs);
  if (!data.basemap) addTileNotice(map);
  panPopupsClear(map);
  if (ctx.bounds.isValid()) {
    var right = small ? 24 : legend.offsetWidth + 24;
    map.fitBounds(ctx.bounds, { paddingTopLeft: small ? [24, 24] : [60, 40], paddingBottomRight: [right, small ? 24 : 40], maxZoom: 9, animate: false });
  }
  labels.addTo(map);
  map.itinerary.overlays = overlays;
  map.itinerary.items = ctx.items;
  map.itinerary.labels = labels;
  map.itinerary.bounds = ctx.bounds;
};
