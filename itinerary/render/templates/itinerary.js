/* itinerary map runtime: draws trips from a JSON payload with plain Leaflet.
 * Untrusted text (names, quotes, notes) only ever reaches the page through textContent,
 * never through innerHTML or HTML strings. */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function safeUrl(u) {
    if (!u) return null;
    try {
      var p = new URL(u, "https://invalid.example/");
      return (p.protocol === "https:" || p.protocol === "http:") && /^https?:/i.test(u) ? p.href : null;
    } catch (e) {
      return null;
    }
  }

  function popupContent(stop, trip, sources, status, day) {
    // day: the "as known on" day (null: everything in the file); nothing published later is shown
    var shown = sources.filter(function (s) { return day === null || !s.published || dayNumber(s.published) <= day; });
    var quoted = sources.filter(function (s) { return s.id === stop.source; })[0];
    var early = day !== null && shown.length < sources.length;
    var box = el("div", "itn-popup");
    box.appendChild(el("div", "itn-popup-title", stop.n + ". " + stop.name));
    var meta = el("div", "itn-popup-meta");
    meta.appendChild(el("span", "itn-badge itn-badge-" + status, status));
    meta.appendChild(el("span", "itn-popup-date", early ? knownDate(stop, day) : stop.date_label));
    box.appendChild(meta);
    var facts = [["Traveller", trip.traveller], ["Role", stop.role]];
    if (stop.mode) facts.push(["Arrives by", stop.mode]);
    if (stop.place && stop.place !== stop.name) facts.push(["As written", stop.place]);
    if (stop.kind) facts.push(["Kind", stop.kind]);
    var dl = el("dl", "itn-facts");
    facts.forEach(function (f) {
      dl.appendChild(el("dt", null, f[0]));
      dl.appendChild(el("dd", null, f[1]));
    });
    box.appendChild(dl);
    if (stop.quote && (!early || shown.indexOf(quoted) >= 0)) box.appendChild(el("blockquote", "itn-quote", stop.quote));
    if (stop.note && !early) box.appendChild(el("p", "itn-note", stop.note));
    if (shown.length) box.appendChild(sourceList(stop, shown, early));
    return box;
  }

  function knownDate(stop, day) {
    var label = "date unknown";
    (stop.known || []).forEach(function (k) {
      if ((k[0] === null || dayNumber(k[0]) <= day) && k[2]) label = k[2];
    });
    return label;
  }

  function sourceList(stop, sources, early) {
    var p = el("p", "itn-source");
    var head = "Source: ";
    if (sources.length > 1) {
      head = "Sources (" + sources.length + (stop.corroboration && !early ? ", " + stop.corroboration + " independent" : "") + "): ";
    }
    p.appendChild(el("span", null, head));
    sources.forEach(function (source, i) {
      if (i) p.appendChild(el("span", null, "; "));
      var href = safeUrl(source.url);
      var label = (source.name || source.id) + (source.published ? " (" + source.published + ")" : "");
      if (href) {
        var a = el("a", null, label);
        a.href = href;
        a.target = "_blank";
        a.rel = "noopener noreferrer nofollow";
        p.appendChild(a);
      } else {
        p.appendChild(el("span", null, label));
      }
    });
    return p;
  }

  function knownStatus(stop, day) {
    // the status as known on a day: the latest report by then, a confirmed stop stays confirmed
    if (!stop.known || !stop.known.length) return stop.status;
    var cur = null;
    stop.known.forEach(function (k) {
      var d = k[0] === null ? -Infinity : dayNumber(k[0]);
      if (d > day || (cur === "confirmed" && k[1] !== "confirmed")) return;
      cur = k[1];
    });
    return cur;
  }

  function legStatusOf(a, b) {
    if (a === "cancelled" || b === "cancelled") return "cancelled";
    if (a === "planned" || b === "planned") return "planned";
    return "confirmed";
  }

  function stopIcon(stop, color) {
    var d = el("div", "itn-num", stop.n);
    d.style.setProperty("--itn-color", color);
    return L.divIcon({ html: d, className: "itn-stop itn-" + stop.status, iconSize: [24, 24], iconAnchor: [12, 12] });
  }

  function legStyle(leg, color) {
    var s = { color: color, weight: leg.mode === "air" ? 2.5 : leg.mode === "rail" ? 4.5 : 3.5, opacity: 0.9 };
    if (leg.status === "planned") s.dashArray = "10 8";
    if (leg.status === "cancelled") { s.color = "#888"; s.dashArray = "2 6"; }
    if (leg.basis !== "reported") s.opacity = 0.45;
    return s;
  }

  function bearingIcon(a, b, color) {
    var pa = L.CRS.EPSG3857.project(L.latLng(a)), pb = L.CRS.EPSG3857.project(L.latLng(b));
    var deg = Math.atan2(-(pb.y - pa.y), pb.x - pa.x) * 180 / Math.PI;
    var d = el("div", "itn-arrow", "\u27A4");
    d.style.color = color;
    d.style.transform = "rotate(" + deg + "deg)";
    return L.divIcon({ html: d, className: "itn-arrow-icon", iconSize: [16, 16], iconAnchor: [8, 8] });
  }

  function dayNumber(iso) {
    return iso ? Math.floor(Date.parse(iso + "T00:00:00Z") / 86400000) : null;
  }

  function isoOf(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  window.itineraryDraw = function (map, data) {
    var overlays = {};
    map.itinerary = { knownDay: null };  // null: as known now (the whole file)
    if (data.basemap) {
      map.getContainer().classList.add("itn-offline-map");
      L.geoJSON(data.basemap, { style: { color: "#9a9a9a", weight: 0.6, fillColor: "#f2efe9", fillOpacity: 1 }, interactive: false }).addTo(map);
      map.attributionControl.addAttribution("Basemap: Natural Earth (public domain)");
    }
    var all = [];        // every stop marker and leg with its effective day, for the slider
    var bounds = L.latLngBounds([]);
    var sources = {};
    (data.sources || []).forEach(function (s) { sources[s.id] = s; });

    data.trips.forEach(function (trip) {
      var groups = {};
      ["confirmed", "planned", "cancelled"].forEach(function (st) {
        groups[st] = L.featureGroup();
      });
      var regions = L.featureGroup();
      var prevDay = null;
      var days = trip.stops.map(function (s) {
        var d = dayNumber(s.date_start);
        if (d === null) d = prevDay; else prevDay = d;
        return d;
      });
      var stopItems = [];
      trip.stops.forEach(function (s, i) {
        var m = L.marker([s.lat, s.lon], { icon: stopIcon(s, trip.color), title: s.name, riseOnHover: true });
        var cited = (s.sources || []).map(function (id) { return sources[id] || { id: id }; });
        m.bindPopup(function () { return popupContent(s, trip, cited, m.itnStatus, map.itinerary.knownDay); }, { maxWidth: 320 });
        m.bindTooltip(el("span", null, s.n + ". " + s.name + " \u2014 " + s.date_label), { direction: "top", offset: [0, -12] });
        m.itnStatus = s.status;
        m.getElement && m.on("add", function () { var e = m.getElement(); if (e) e.setAttribute("data-itn-trip", trip.id); });
        groups[s.status].addLayer(m);
        var item = { layer: m, group: groups[s.status], day: days[i], stop: s, color: trip.color, travelOK: true, knownOK: true };
        stopItems.push(item);
        all.push(item);
        bounds.extend([s.lat, s.lon]);
      });
      trip.legs.forEach(function (leg) {
        var group = groups[leg.status];
        var parts = leg.paths.map(function (path) {
          return L.polyline(path, legStyle(leg, trip.color));
        });
        (leg.connectors || []).forEach(function (c) {
          parts.push(L.polyline(c, { color: trip.color, weight: 2, opacity: 0.45, dashArray: "2 5", className: "itn-connector" }));
        });
        var line = L.featureGroup(parts);
        line.eachLayer(function (pl) {
          pl.on("add", function () {
            var e = pl.getElement();
            if (e && pl.options.className !== "itn-connector") { e.classList.add("itn-leg", "itn-leg-" + leg.status, "itn-mode-" + leg.mode, "itn-basis-" + leg.basis); }
          });
        });
        var tip = leg.from + " \u2192 " + leg.to + " \u00B7 " + leg.mode + " \u00B7 " + leg.basis + (leg.length_km ? " \u00B7 " + Math.round(leg.length_km) + " km" : "");
        line.bindTooltip(el("span", null, tip), { sticky: true });
        var mid = leg.arrow;
        if (mid) line.addLayer(L.marker(mid[0], { icon: bearingIcon(mid[0], mid[1], leg.status === "cancelled" ? "#888" : trip.color), interactive: false, keyboard: false }));
        group.addLayer(line);
        var d = Math.max(days[leg.to_index] === null ? -Infinity : days[leg.to_index], days[leg.from_index] === null ? -Infinity : days[leg.from_index]);
        all.push({ layer: line, group: group, day: d === -Infinity ? null : d, leg: leg, color: trip.color,
          ends: [stopItems[leg.from_index], stopItems[leg.to_index]], travelOK: true, knownOK: true });
      });
      (trip.regions || []).forEach(function (r) {
        var g = L.geoJSON(r.geojson, { style: { color: trip.color, weight: 1.5, fillOpacity: r.from_hint ? 0.06 : 0.12, dashArray: r.from_hint ? "4 4" : null } });
        g.bindTooltip(el("span", null, r.name + (r.from_hint ? " (context)" : "")), { sticky: true });
        regions.addLayer(g);
      });
      var label = trip.traveller;
      ["confirmed", "planned", "cancelled"].forEach(function (st) {
        if (groups[st].getLayers().length) {
          groups[st].addTo(map);
          overlays[label + " \u00B7 " + st] = groups[st];
        }
      });
      if (regions.getLayers().length) { regions.addTo(map); overlays[label + " \u00B7 regions"] = regions; }
    });

    var ctl = L.control.layers(null, {}, { collapsed: false, position: "topright" });
    Object.keys(overlays).forEach(function (name) { ctl.addOverlay(overlays[name], el("span", null, " " + name).outerHTML); });
    ctl.addTo(map);
    L.control.scale({ imperial: false }).addTo(map);
    addLegend(map, data);
    addFullscreen(map);
    addTimeSlider(map, data, all);
    if ((data.known_days || []).length > 1) addKnownSlider(map, data, all);
    if (bounds.isValid()) map.fitBounds(bounds, { paddingTopLeft: [40, 40], paddingBottomRight: [230, 40], maxZoom: 9 });
    if (data.minimap) addMiniMap(map, data);
    map.itinerary.overlays = overlays;
    map.itinerary.items = all;
  };

  function addLegend(map, data) {
    var c = L.control({ position: "bottomright" });
    c.onAdd = function () {
      var box = el("div", "itn-legend leaflet-bar");
      var head = el("div", "itn-legend-title", data.title || "Itinerary");
      head.title = "Show or hide the key";
      L.DomEvent.on(head, "click", function () { box.classList.toggle("itn-legend-closed"); });
      box.appendChild(head);
      if (data.as_of) box.appendChild(el("div", "itn-legend-asof", "As of " + data.as_of));
      data.trips.forEach(function (t) {
        var row = el("div", "itn-legend-row");
        var sw = el("span", "itn-swatch");
        sw.style.background = t.color;
        row.appendChild(sw);
        row.appendChild(el("span", null, t.traveller));
        box.appendChild(row);
      });
      var keys = el("div", "itn-legend-keys");
      box.appendChild(keys);
      [["itn-key-stop itn-confirmed", "confirmed stop (filled)"], ["itn-key-stop itn-planned", "planned stop (hollow)"], ["itn-key-stop itn-cancelled", "cancelled stop"],
       ["itn-key-line", "confirmed leg"], ["itn-key-line itn-key-dashed", "planned leg (dashed)"], ["itn-key-line itn-key-grey", "cancelled leg"],
       ["itn-key-line itn-key-faint", "assumed or fallback (faint)"], ["itn-key-line itn-key-thick", "rail thick, road medium, air thin"],
       ["itn-key-arrow", "direction of travel"], ["itn-key-region", "region (dashed: context)"]].forEach(function (k) {
        var row = el("div", "itn-legend-row");
        row.appendChild(el("span", k[0]));
        row.appendChild(el("span", null, k[1]));
        keys.appendChild(row);
      });
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    c.addTo(map);
  }

  function addFullscreen(map) {
    var c = L.control({ position: "topleft" });
    c.onAdd = function () {
      var b = el("a", "itn-fullscreen leaflet-bar");
      b.appendChild(el("span", "itn-fs-icon"));
      b.href = "#";
      b.title = "Full screen";
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

  function addTimeSlider(map, data, items) {
    var days = items.map(function (x) { return x.day; }).filter(function (d) { return d !== null; });
    if (!days.length) return;
    var lo = Math.min.apply(null, days), hi = Math.max.apply(null, days);
    var c = L.control({ position: "bottomleft" });
    c.onAdd = function () {
      var box = el("div", "itn-slider leaflet-bar");
      var label = el("div", "itn-slider-label", "Whole trip");
      var input = el("input");
      input.type = "range";
      input.min = String(lo);
      input.max = String(hi + 1);
      input.value = String(hi + 1);
      input.step = "1";
      input.setAttribute("aria-label", "Show the trip as it stood on a day");
      input.className = "itn-slider-input";
      function apply() {
        var v = parseInt(input.value, 10);
        var showAll = v > hi;
        label.textContent = showAll ? "Whole trip" : "Trip up to " + isoOf(v);
        items.forEach(function (x) {
          x.travelOK = showAll || x.day === null || x.day <= v;
          showItem(x);
        });
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
    if (x.stop) {
      if (x.layer.itnStatus === status) return;
      x.layer.itnStatus = status;
      x.layer.setIcon(stopIcon({ n: x.stop.n, status: status }, x.color));
      return;
    }
    var st = { mode: x.leg.mode, basis: x.leg.basis, status: status };
    x.layer.eachLayer(function (pl) {
      if (!pl.setStyle || pl.options.className === "itn-connector") return;
      pl.setStyle(legStyle(st, status === "cancelled" ? "#888" : x.color));
      var e = pl.getElement && pl.getElement();
      if (e) {
        e.classList.remove("itn-leg-confirmed", "itn-leg-planned", "itn-leg-cancelled");
        e.classList.add("itn-leg-" + status);
      }
    });
  }

  function addKnownSlider(map, data, items) {
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
      input.setAttribute("aria-label", "Show the trip as it was known on a day");
      input.className = "itn-known-input";
      function apply() {
        var v = days[parseInt(input.value, 10)];
        label.textContent = "As known on " + isoOf(v);
        map.itinerary.knownDay = v === days[days.length - 1] ? null : v;
        var status = new Map();
        items.forEach(function (x) {
          if (!x.stop) return;
          var st = knownStatus(x.stop, v);
          status.set(x, st);
          x.knownOK = st !== null;
          if (st) restyle(x, st);
        });
        items.forEach(function (x) {
          if (x.stop) { showItem(x); return; }
          var a = status.get(x.ends[0]), b = status.get(x.ends[1]);
          x.knownOK = !!(a && b);
          if (a && b) restyle(x, legStatusOf(a, b));
          showItem(x);
        });
      }
      input.addEventListener("input", apply);
      map.itinerarySetKnown = function (iso) { input.value = String(Math.max(0, days.filter(function (d) { return d <= dayNumber(iso); }).length - 1)); apply(); };
      box.appendChild(label);
      box.appendChild(input);
      apply();
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    c.addTo(map);
  }

  function addMiniMap(map, data) {
    var c = L.control({ position: "topleft" });
    c.onAdd = function () {
      var box = el("div", "itn-minimap leaflet-bar");
      setTimeout(function () {
        var mini = L.map(box, { attributionControl: false, zoomControl: false, dragging: false, scrollWheelZoom: false,
          doubleClickZoom: false, boxZoom: false, keyboard: false, touchZoom: false });
        mini.setView(map.getCenter(), Math.max(0, map.getZoom() - 5), { animate: false });
        if (data.minimap.geojson) {
          L.geoJSON(data.minimap.geojson, { style: { color: "#999", weight: 0.5, fillColor: "#e8e4da", fillOpacity: 1 }, interactive: false }).addTo(mini);
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
})();
