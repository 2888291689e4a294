/* itinerary map runtime: draws trips from a JSON payload with plain Leaflet.
 * Untrusted text (names, quotes, notes) only ever reaches the page through textContent,
 * never through innerHTML or HTML strings. Styles come from the payload's theme. */
(function () {
  "use strict";

  var SMALL = 600;  // px: below this width controls start collapsed

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

  function dayNumber(iso) {
    return iso ? Math.floor(Date.parse(iso + "T00:00:00Z") / 86400000) : null;
  }

  function isoOf(day) {
    return new Date(day * 86400000).toISOString().slice(0, 10);
  }

  function fmtKm(km) {
    return Math.round(km).toLocaleString("en-GB") + " km";
  }

  // ------------------------------------------------------------------ popups

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

  function knownDate(stop, day) {
    var label = "date unknown";
    (stop.known || []).forEach(function (k) {
      if ((k[0] === null || dayNumber(k[0]) <= day) && k[2]) label = k[2];
    });
    return label;
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

  var THEME = null;
  var POPUP = [];  // the stop facts a popup lists, from the payload

  // One visit in a popup. day: the "as known on" day (null: everything in the file); nothing
  // published later is shown.
  function visitBox(stop, trip, sources, status, day, many) {
    var shown = sources.filter(function (s) { return day === null || !s.published || dayNumber(s.published) <= day; });
    var quoted = sources.filter(function (s) { return s.id === stop.source; })[0];
    var early = day !== null && shown.length < sources.length;
    var box = el("div", "itn-visit");
    if (many) box.appendChild(el("div", "itn-visit-title", "Stop " + stop.n));
    var meta = el("div", "itn-popup-meta");
    var badge = el("span", "itn-badge itn-badge-" + status, status);
    if (THEME && THEME.status[status]) badge.style.background = THEME.status[status].badge;
    meta.appendChild(badge);
    meta.appendChild(el("span", "itn-popup-date", early ? knownDate(stop, day) : stop.date_label));
    box.appendChild(meta);
    var facts = [["Traveller", trip.traveller]];
    POPUP.forEach(function (f) {  // [payload key, label] from the field table
      var v = stop[f[0]];
      if (v !== undefined && v !== null && v !== "") facts.push([f[1], Array.isArray(v) ? v.join(", ") : v]);
    });
    var dl = el("dl", "itn-facts");
    facts.forEach(function (f) {
      dl.appendChild(el("dt", null, f[0]));
      dl.appendChild(el("dd", null, f[1]));
    });
    box.appendChild(dl);
    if (stop.doubt && stop.doubt.length) {
      var doubt = el("div", "itn-doubt-box");
      doubt.appendChild(el("div", "itn-doubt-head", "To be checked"));
      var ul = el("ul");
      stop.doubt.forEach(function (why) { ul.appendChild(el("li", null, why)); });
      doubt.appendChild(ul);
      box.appendChild(doubt);
    }
    if (stop.quote && (!early || shown.indexOf(quoted) >= 0)) box.appendChild(el("blockquote", "itn-quote", stop.quote));
    if (stop.note && !early) box.appendChild(el("p", "itn-note", stop.note));
    if (shown.length) box.appendChild(sourceList(stop, shown, early));
    return box;
  }

  function popupContent(stops, trip, sourcesById, day) {
    var box = el("div", "itn-popup");
    var nums = stops.map(function (s) { return s.n; }).join(", ");
    box.appendChild(el("div", "itn-popup-title", nums + ". " + stops[0].name));
    stops.forEach(function (s) {
      var cited = (s.sources || (s.source ? [s.source] : [])).map(function (id) { return sourcesById[id] || { id: id }; });
      var status = day === null ? s.status : knownStatus(s, day) || s.status;
      box.appendChild(visitBox(s, trip, cited, status, day, stops.length > 1));
    });
    return box;
  }

  // ------------------------------------------------------------------ styles from the theme

  function legStyle(th, leg, color) {
    var st = th.status[leg.status] || {};
    var s = {
      color: st.color || color,
      weight: (th.mode[leg.mode] || th.mode.unknown).weight,
      opacity: (th.basis[leg.basis] || th.basis.assumed).opacity
    };
    if (st.dash) s.dashArray = st.dash.join(" ");
    return s;
  }

  function markerStatus(stops) {
    var live = stops.filter(function (s) { return s.status !== "cancelled"; });
    if (!live.length) return "cancelled";
    return live.some(function (s) { return s.status === "confirmed"; }) ? "confirmed" : "planned";
  }

  function markerWidth(text) {
    return Math.max(24, 10 + 7 * text.length);
  }

  function stopIcon(text, status, color, slot, doubt) {
    var w = markerWidth(text);
    var d = el("div", "itn-num", text);
    d.style.setProperty("--itn-color", color);
    d.style.width = w + "px";
    if (doubt) d.appendChild(el("span", "itn-doubt-mark", "?"));
    return L.divIcon({ html: d, className: "itn-stop itn-" + status + (doubt ? " itn-doubt" : ""), iconSize: [w, 24], iconAnchor: [w / 2 - slot * 26, 12] });
  }

  // confirmed markers are drawn above planned ones, planned above cancelled
  var STATUS_Z = { confirmed: 2000, planned: 1000, cancelled: 0 };
  var STATUSES = ["confirmed", "planned", "cancelled"];

  function bearingIcon(a, b, color) {
    var pa = L.CRS.EPSG3857.project(L.latLng(a)), pb = L.CRS.EPSG3857.project(L.latLng(b));
    var deg = Math.atan2(-(pb.y - pa.y), pb.x - pa.x) * 180 / Math.PI;
    var d = el("div", "itn-arrow", "\u27A4");
    d.style.color = color;
    d.style.transform = "rotate(" + deg + "deg)";
    return L.divIcon({ html: d, className: "itn-arrow-icon", iconSize: [16, 16], iconAnchor: [8, 8] });
  }

  // ------------------------------------------------------------------ labels without overlaps

  var measureCtx = null;
  function textWidth(text, font) {
    if (!measureCtx) measureCtx = document.createElement("canvas").getContext("2d");
    measureCtx.font = font;
    return measureCtx.measureText(text).width;
  }

  // A grid of placed rectangles for fast overlap tests.
  function Grid(cell) { this.cell = cell; this.cells = {}; }
  Grid.prototype.keys = function (r) {
    var out = [], c = this.cell;
    for (var x = Math.floor(r.x0 / c); x <= Math.floor(r.x1 / c); x++)
      for (var y = Math.floor(r.y0 / c); y <= Math.floor(r.y1 / c); y++) out.push(x + ":" + y);
    return out;
  };
  Grid.prototype.hits = function (r, except) {
    var ks = this.keys(r);
    for (var i = 0; i < ks.length; i++) {
      var list = this.cells[ks[i]];
      if (!list) continue;
      for (var j = 0; j < list.length; j++) {
        var o = list[j];
        if (o.owner !== except && o.x0 < r.x1 && r.x0 < o.x1 && o.y0 < r.y1 && r.y0 < o.y1) return true;
      }
    }
    return false;
  };
  Grid.prototype.add = function (r) {
    var ks = this.keys(r);
    for (var i = 0; i < ks.length; i++) (this.cells[ks[i]] = this.cells[ks[i]] || []).push(r);
  };

  var DIRS = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];
  var GAPS = [3, 22, 48, 80, 120, 170];
  var CLUSTER_PX = 80;  // markers this close (px, x + y) form one cluster for label placement

  // Rectangle of a w x h label beside a marker box (cx, cy, hw, hh) in direction d, gap g.
  function candidate(cx, cy, hw, hh, w, h, d, g) {
    var x = d[0] > 0 ? cx + hw + g : d[0] < 0 ? cx - hw - g - w : cx - w / 2;
    var y = d[1] > 0 ? cy + hh + g : d[1] < 0 ? cy - hh - g - h : cy - h / 2;
    return { x0: x, y0: y, x1: x + w, y1: y + h };
  }

  var LabelLayer = L.Layer.extend({
    initialize: function (items, maxGap) { this.items = items; this.maxGap = maxGap; },
    onAdd: function (map) {
      this._map = map;
      var pane = map.getPane("itnLabels") || map.createPane("itnLabels");
      pane.classList.add("leaflet-zoom-hide");
      this._pane = pane;
      this._svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      this._svg.setAttribute("class", "itn-leaders");
      pane.appendChild(this._svg);
      map.on("moveend zoomend viewreset resize overlayadd overlayremove", this.update, this);
      this.update();
    },
    onRemove: function (map) {
      map.off("moveend zoomend viewreset resize overlayadd overlayremove", this.update, this);
    },
    _element: function (it) {
      if (it.el) return it.el;
      var e = el("div", "itn-label " + it.cls);
      if (it.num) e.appendChild(el("span", "itn-label-num", it.num + "."));
      e.appendChild(el("span", "itn-label-name", it.name));
      if (it.doubt) e.appendChild(el("span", "itn-label-doubt", "?"));
      if (it.date) e.appendChild(el("span", "itn-label-date", it.date));
      if (it.key) e.setAttribute("data-itn-label", it.key);
      if (it.color) e.style.setProperty("--itn-color", it.color);
      if (it.marker) e.style.width = it.w + "px";  // the box placement reserved, no narrower
      this._pane.appendChild(e);
      it.el = e;
      return e;
    },
    _obstacles: function (map, grid) {
      var box = map.getContainer().getBoundingClientRect();
      var ctl = map.getContainer().querySelectorAll(".leaflet-control");
      for (var i = 0; i < ctl.length; i++) {
        var r = ctl[i].getBoundingClientRect();
        if (r.width && r.height) grid.add({ x0: r.left - box.left - 2, y0: r.top - box.top - 2, x1: r.right - box.left + 2, y1: r.bottom - box.top + 2 });
      }
      var pts = this._pts = [];
      this.items.forEach(function (it) {
        if (!it.marker || !map.hasLayer(it.marker)) return;
        var p = map.latLngToContainerPoint(it.latlng).add(it.shift).add(it.moved || L.point(0, 0));
        grid.add({ x0: p.x - it.hw, y0: p.y - it.hh, x1: p.x + it.hw, y1: p.y + it.hh, owner: it });
        pts.push({ x: p.x, y: p.y, owner: it });
      });
    },
    update: function () {
      var map = this._map;
      if (!map) return;
      var size = map.getSize(), zoom = map.getZoom();
      var grid = new Grid(64), leaders = [];
      this._declutter(map, leaders);
      this._obstacles(map, grid);
      var shown = 0;
      this.items.forEach(function (it) {
        var visible = it.marker ? map.hasLayer(it.marker) : zoom >= it.minZoom;
        var pos = null;
        if (visible && !it.same) {
          var p = map.latLngToContainerPoint(it.latlng).add(it.shift).add(it.moved || L.point(0, 0));
          if (p.x > -50 && p.y > -50 && p.x < size.x + 50 && p.y < size.y + 50) pos = this._place(it, p, size, grid);
        }
        if (!pos) {
          if (it.el) it.el.style.display = "none";
          return;
        }
        var e = this._element(it);
        e.style.display = "";
        L.DomUtil.setPosition(e, map.containerPointToLayerPoint([pos.x0, pos.y0]));
        shown += 1;
        if (pos.gap > GAPS[0]) leaders.push([map.containerPointToLayerPoint(pos.anchor), map.containerPointToLayerPoint(pos.end), it.color]);
      }, this);
      this._drawLeaders(leaders);
      this.shown = shown;
    },
    // Markers that would hide one another at this zoom are moved apart (each stop stays visible,
    // its number readable), the most important staying put; a moved marker gets a leader line
    // from its true place. Moves are screen offsets, recomputed after every zoom and pan.
    _declutter: function (map, leaders) {
      var boxes = [];
      var rings = [[0, 0]];
      [1, 2, 3].forEach(function (k) { DIRS.forEach(function (d) { rings.push([d[0] * k, d[1] * k]); }); });
      this.items.forEach(function (it) {
        if (!it.marker) return;
        var e = map.hasLayer(it.marker) && it.marker.getElement();
        if (!e) { it.moved = null; return; }
        var p = map.latLngToContainerPoint(it.latlng).add(it.shift);
        var hw = it.hw, hh = it.hh, best = null;
        for (var i = 0; i < rings.length && !best; i++) {
          var dx = rings[i][0] * (hw + 14), dy = rings[i][1] * (2 * hh + 2);
          var b = { x0: p.x + dx - hw, y0: p.y + dy - hh, x1: p.x + dx + hw, y1: p.y + dy + hh };
          var free = boxes.every(function (o) { return o.x0 >= b.x1 - 2 || b.x0 >= o.x1 - 2 || o.y0 >= b.y1 - 2 || b.y0 >= o.y1 - 2; });
          if (free) best = [dx, dy, b];
        }
        if (!best) best = [0, 0, { x0: p.x - hw, y0: p.y - hh, x1: p.x + hw, y1: p.y + hh }];
        boxes.push(best[2]);
        it.moved = L.point(best[0], best[1]);
        e.style.translate = best[0] || best[1] ? best[0] + "px " + best[1] + "px" : "";
        if (best[0] || best[1]) leaders.push([map.containerPointToLayerPoint(p), map.containerPointToLayerPoint(p.add(it.moved)), it.color]);
      });
    },
    _place: function (it, p, size, grid) {
      var w = it.w, h = it.h;
      var maxGap = this.maxGap;  // a label never strays far from its marker (a phone: a short leader)
      var gaps = it.marker ? GAPS.filter(function (g) { return g <= maxGap; }) : [0], dirs = it.marker ? DIRS : [[0, 0]];
      for (var gi = 0; gi < gaps.length; gi++) {
        for (var di = 0; di < dirs.length; di++) {
          var r = candidate(p.x, p.y, it.marker ? it.hw : 0, it.marker ? it.hh : 0, w, h, dirs[di], gaps[gi]);
          if (r.x0 < 2 || r.y0 < 2 || r.x1 > size.x - 2 || r.y1 > size.y - 2) continue;
          r.owner = it;
          if (grid.hits(r, it)) continue;
          // a label is nearer its own marker than any other (but those of its own cluster)
          if (it.marker && this._nearerOther(r, p, it)) continue;
          grid.add(r);
          var end = { x: Math.max(r.x0, Math.min(p.x, r.x1)), y: Math.max(r.y0, Math.min(p.y, r.y1)) };
          return { x0: r.x0, y0: r.y0, gap: gaps[gi], anchor: p, end: end };
        }
      }
      return null;
    },
    // True when another marker is nearer the label than its own: a reader would pair them wrongly.
    _nearerOther: function (r, p, it) {
      function gap(q, hw, hh) {  // from the label to a marker's box
        var dx = Math.max(r.x0 - (q.x + hw), 0, (q.x - hw) - r.x1), dy = Math.max(r.y0 - (q.y + hh), 0, (q.y - hh) - r.y1);
        return dx * dx + dy * dy;
      }
      var own = gap(p, it.hw, it.hh);
      for (var i = 0; i < this._pts.length; i++) {
        var q = this._pts[i];
        // a marker of the same cluster does not count: there the leader line tells them apart
        if (q.owner === it || Math.abs(q.x - p.x) + Math.abs(q.y - p.y) < CLUSTER_PX) continue;
        if (gap(q, q.owner.hw, q.owner.hh) < own) return true;
      }
      return false;
    },
    _drawLeaders: function (leaders) {
      var svg = this._svg;
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      if (!leaders.length) return;
      var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      leaders.forEach(function (l) {
        [l[0], l[1]].forEach(function (q) { x0 = Math.min(x0, q.x); y0 = Math.min(y0, q.y); x1 = Math.max(x1, q.x); y1 = Math.max(y1, q.y); });
      });
      L.DomUtil.setPosition(svg, L.point(x0 - 2, y0 - 2));
      svg.setAttribute("width", x1 - x0 + 4);
      svg.setAttribute("height", y1 - y0 + 4);
      leaders.forEach(function (l) {
        var ln = document.createElementNS("http://www.w3.org/2000/svg", "line");
        ln.setAttribute("x1", l[0].x - x0 + 2); ln.setAttribute("y1", l[0].y - y0 + 2);
        ln.setAttribute("x2", l[1].x - x0 + 2); ln.setAttribute("y2", l[1].y - y0 + 2);
        ln.setAttribute("class", "itn-leader");
        svg.appendChild(ln);
      });
    }
  });

  function labelItem(name, date, cls, font, extra) {
    var w = Math.ceil(textWidth(name, "600 " + font) + (date ? textWidth(" " + date, font) + 4 : 0)) + 14;
    if (extra.num) w += Math.ceil(textWidth(extra.num + ".", "700 " + font)) + 4;
    if (extra.doubt) w += Math.ceil(textWidth("?", "700 " + font)) + 4;
    var it = { name: name, date: date, cls: cls, w: w, h: 17, shift: L.point(0, 0), hw: 0, hh: 0 };
    for (var k in extra) it[k] = extra[k];
    return it;
  }

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

  // ------------------------------------------------------------------ drawing

  function drawTrip(map, data, trip, ctx) {
    var th = data.theme;
    var groups = {};
    STATUSES.forEach(function (st) { groups[st] = L.featureGroup(); });
    var prevDay = null;
    var days = trip.stops.map(function (s) {
      var d = s ? dayNumber(s.date_start) : null;
      if (d === null) d = prevDay; else prevDay = d;
      return d;
    });
    var byStop = {};  // stop index -> its marker's item (for the legs' ends)
    trip.markers.forEach(function (mk, mi) {
      var stops = mk.s.map(function (i) { return trip.stops[i]; });
      var s0 = stops[0], status = markerStatus(stops);
      var text = stops.map(function (s) { return s.n; }).join(", ");
      var doubt = stops.some(function (s) { return s.doubt && s.doubt.length; });
      var m = L.marker([s0.lat, s0.lon], { icon: stopIcon(text, status, trip.color, mk.k || 0, doubt), title: s0.name, riseOnHover: true,
        alt: text + ". " + s0.name + (doubt ? " (to be checked)" : ""), zIndexOffset: STATUS_Z[status] });
      m.bindPopup(function () { return popupContent(stops, trip, ctx.sources, map.itinerary.knownDay); }, { maxWidth: 320, autoPan: false });  // panned by panPopupsClear
      m.itnStatus = status;
      m.on("add", function () { var e = m.getElement(); if (e) e.setAttribute("data-itn-trip", trip.id); });
      groups[status].addLayer(m);
      var first = Math.min.apply(null, mk.s.map(function (i) { return days[i] === null ? Infinity : days[i]; }));
      var item = { layer: m, group: groups[status], day: first === Infinity ? null : first, stops: stops,
        text: text, slot: mk.k || 0, color: trip.color, doubt: doubt, travelOK: true, knownOK: true };
      ctx.items.push(item);
      mk.s.forEach(function (i) { byStop[i] = item; });
      ctx.bounds.extend([s0.lat, s0.lon]);
      var dates = [];
      stops.forEach(function (s) { if (s.d && dates.indexOf(s.d) < 0) dates.push(s.d); });
      var w = markerWidth(text);
      ctx.labels.push(labelItem(s0.name, dates.join(", "), "itn-label-stop itn-label-" + status + (doubt ? " itn-label-doubtful" : ""), "12px system-ui, sans-serif", {
        latlng: L.latLng(s0.lat, s0.lon), marker: m, shift: L.point((mk.k || 0) * 26, 0), hw: w / 2 + 1, hh: 13,
        prio: mk.p, key: trip.id + ":" + mi, color: trip.color, doubt: doubt,
        num: ctx.numbered && !mk.same ? text : null,  // several travellers: the stop numbers, in the traveller's colour
        same: !!mk.same  // another traveller's marker here already carries this label
      }));
    });
    trip.legs.forEach(function (leg) {
      var group = groups[leg.status];
      var style = legStyle(th, leg, trip.color);
      var parts = [];
      if (leg.doubt) {  // an implausible leg: a wide halo of the doubt colour under the line
        leg.paths.forEach(function (path) {
          parts.push(L.polyline(path, { color: th.doubt.color, weight: style.weight + 7, opacity: 0.45, className: "itn-doubt-halo" }));
        });
        style.dashArray = th.doubt.dash.join(" ");
      }
      leg.paths.forEach(function (path) {
        path.forEach(function (q) { ctx.bounds.extend(q); });
        parts.push(L.polyline(path, style));
      });
      (leg.connectors || []).forEach(function (c) {
        var cs = th.connector;
        parts.push(L.polyline(c, { color: trip.color, weight: cs.weight, opacity: cs.opacity, dashArray: cs.dash.join(" "), className: "itn-connector" }));
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
      var drawn = (th.drawn[leg.drawn] || {}).label || leg.drawn;
      var tip = leg.from + " \u2192 " + leg.to + " \u00B7 " + leg.mode + " (" + leg.basis + ") \u00B7 " + drawn + (leg.length_km ? " \u00B7 " + fmtKm(leg.length_km) : "");
      if (leg.doubt) tip += " \u00B7 to be checked: " + leg.doubt;
      line.bindTooltip(el("span", null, tip), { sticky: true });
      var mid = leg.arrow;
      if (mid) line.addLayer(L.marker(mid[0], { icon: bearingIcon(mid[0], mid[1], (th.status[leg.status] || {}).color || trip.color), interactive: false, keyboard: false }));
      group.addLayer(line);
      var a = days[leg.from_index], b = days[leg.to_index];
      var d = Math.max(a === null ? -Infinity : a, b === null ? -Infinity : b);
      ctx.items.push({ layer: line, group: group, day: d === -Infinity ? null : d, leg: leg, color: trip.color,
        ends: [byStop[leg.from_index], byStop[leg.to_index]], travelOK: true, knownOK: true });
    });
    var regions = L.featureGroup();
    (trip.regions || []).forEach(function (r) {
      var g = L.geoJSON(r.geojson, { style: { color: trip.color, weight: 1.5, fillOpacity: r.from_hint ? 0.06 : 0.12, dashArray: r.from_hint ? "4 4" : null } });
      g.bindTooltip(el("span", null, r.name + (r.from_hint ? " (context)" : "")), { sticky: true });
      regions.addLayer(g);
    });
    var row = { trip: trip, groups: {}, regions: null };
    STATUSES.forEach(function (st) { if (groups[st].getLayers().length) row.groups[st] = groups[st]; });
    if (regions.getLayers().length) row.regions = regions;
    ctx.rows.push(row);
  }

  // Every trip's layers, added status by status (cancelled first, confirmed last: on top).
  function addRows(map, rows) {
    rows.forEach(function (r) { if (r.regions) r.regions.addTo(map); });
    STATUSES.slice().reverse().forEach(function (st) {
      rows.forEach(function (r) { if (r.groups[st]) r.groups[st].addTo(map); });
    });
  }

  // A popup is panned into view and clear of the controls (zoom, minimap, layers, legend).
  function panPopupsClear(map) {
    map.on("popupopen", function (e) {
      var pe = e.popup.getElement();
      if (!pe) return;
      var box = map.getContainer().getBoundingClientRect();
      var p = pe.getBoundingClientRect();
      var dx = 0, dy = 0;
      if (p.top < box.top + 8) dy = box.top + 8 - p.top;  // into view first
      else if (p.bottom > box.bottom - 8) dy = box.bottom - 8 - p.bottom;
      if (p.left < box.left + 8) dx = box.left + 8 - p.left;
      else if (p.right > box.right - 8) dx = box.right - 8 - p.right;
      p = { left: p.left + dx, right: p.right + dx, top: p.top + dy, bottom: p.bottom + dy };
      var ex = dx, ey = dy;
      dx = 0; dy = 0;
      map.getContainer().querySelectorAll(".leaflet-control").forEach(function (c) {
        var r = c.getBoundingClientRect();
        if (!r.width || !r.height) return;
        if (r.left >= p.right || p.left >= r.right || r.top >= p.bottom || p.top >= r.bottom) return;
        var left = r.left - box.left < box.width / 2, top = r.top - box.top < box.height / 2;
        var mx = left ? r.right - p.left + 8 : -(p.right - r.left + 8);
        var my = top ? r.bottom - p.top + 8 : -(p.bottom - r.top + 8);
        if (Math.abs(mx) < Math.abs(my)) { if (Math.abs(mx) > Math.abs(dx)) dx = mx; } else if (Math.abs(my) > Math.abs(dy)) dy = my;
      });
      dx += ex; dy += ey;
      if (dx || dy) map.panBy([-dx, -dy], { animate: false });
    });
  }

  window.itineraryDraw = function (map, data) {
    var small = map.getSize().x < SMALL;
    THEME = data.theme;
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
      map.attributionControl.addAttribution("Basemap: Natural Earth (public domain)");
    }
    ctx.labels.sort(function (a, b) { return a.prio - b.prio; });
    var labels = new LabelLayer(ctx.labels.concat(basemapLabels(data, dxs)), small ? 48 : GAPS[GAPS.length - 1]);

    var overlays = addLayerControl(map, ctx.rows, small);
    L.control.scale({ imperial: false, maxWidth: 150 }).addTo(map);  // wide enough for its label
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
      if (has.stop[st]) rows.push(["itn-key-stop itn-" + st, th.status[st].label + " stop"]);
    });
    ["confirmed", "planned", "cancelled"].forEach(function (st) {
      if (!has.leg[st]) return;
      var k = el("span", "itn-key-line");
      var s = th.status[st];
      k.style.borderTopStyle = s.dash ? (s.dash[0] < 4 ? "dotted" : "dashed") : "solid";
      if (s.color) k.style.borderTopColor = s.color;
      rows.push([k, th.status[st].label + " leg" + (st === "cancelled" ? " (detour not taken)" : "")]);
    });
    if (has.doubt) rows.push(["itn-key-stop itn-key-doubt", th.doubt.label + " (the popup says why)"]);
    if (has.doubtLeg) {
      var dk = el("span", "itn-key-line itn-key-doubt-leg");
      dk.style.borderTopColor = th.doubt.color;
      rows.push([dk, "implausible leg, " + th.doubt.label + " (not in the totals)"]);
    }
    if (has.assumed) rows.push(["itn-key-line itn-key-faint", th.basis.assumed.label]);
    if (has.legs) {
      rows.push(["itn-key-line itn-key-thick", "rail thick, road/sea medium, air thin"]);
      rows.push(["itn-key-arrow", "direction of travel"]);
    }
    if (has.regions) rows.push(["itn-key-region", "region (dashed: context)"]);
    return rows;
  }

  function tripTotals(t) {
    var tt = t.totals || {};
    var bits = [];
    if (tt.km) bits.push(fmtKm(tt.km));
    if (tt.days) bits.push(tt.days + (tt.days === 1 ? " day" : " days"));
    if (tt.doubtful_legs) bits.push(tt.doubtful_legs + (tt.doubtful_legs === 1 ? " doubtful leg" : " doubtful legs") + " not counted");
    var modes = Object.keys(tt.km_by_mode || {}).map(function (m) { return m + " " + fmtKm(tt.km_by_mode[m]); });
    return [bits.join(" \u00B7 "), modes.length > 1 ? modes.join(", ") : ""];
  }

  function addLegend(map, data, small) {
    var c = L.control({ position: "bottomright" });
    c.onAdd = function () {
      var box = el("div", "itn-legend leaflet-bar" + (small ? " itn-legend-closed" : ""));
      var head = el("button", "itn-legend-title", data.title || "Itinerary");
      head.type = "button";
      head.title = "Show or hide the key";
      head.setAttribute("aria-expanded", small ? "false" : "true");
      L.DomEvent.on(head, "click", function () {
        var closed = box.classList.toggle("itn-legend-closed");
        head.setAttribute("aria-expanded", closed ? "false" : "true");
        map.fire("moveend");
      });
      box.appendChild(head);
      var body = el("div", "itn-legend-body");
      box.appendChild(body);
      if (data.as_of) body.appendChild(el("div", "itn-legend-asof", "As known on " + data.as_of));
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
  function addLayerControl(map, rows, small) {
    var c = L.control({ position: "topright" });
    var out = {};
    c.onAdd = function () {
      var box = el("div", "leaflet-control-layers itn-layers" + (small ? "" : " leaflet-control-layers-expanded"));
      var head = el("button", "itn-layers-toggle", rows.length === 1 ? "Layers" : rows.length + " travellers");
      head.type = "button";
      head.title = "Show or hide the list of layers";
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
      rows.forEach(function (r) {
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
          var b = el("button", "itn-status-toggle itn-status-" + st, THEME.status[st].label);
          b.type = "button";
          b.setAttribute("aria-pressed", "true");
          b.setAttribute("data-itn-status", st);
          b.title = "Show or hide the " + st + " stops and legs of " + r.trip.traveller;
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
        list.appendChild(row);
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    c.addTo(map);
    return out;
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

  function addTimeSlider(map, items, labels) {
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
      input.setAttribute("aria-label", "Show the trip up to a travel date");
      input.className = "itn-slider-input";
      function apply() {
        var v = parseInt(input.value, 10);
        var showAll = v > hi;
        label.textContent = showAll ? "Whole trip" : "Trip up to " + isoOf(v);
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
      input.setAttribute("aria-label", "Show the trip as it was known on a day");
      input.className = "itn-known-input";
      function apply() {
        var v = days[parseInt(input.value, 10)];
        var end = v === days[days.length - 1] && data.as_of && data.as_of > isoOf(v);
        label.textContent = "As known on " + (end ? data.as_of : isoOf(v));  // at the end: the file's day
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
          close.title = "Close this notice";
          close.setAttribute("aria-label", "Close this notice");
          L.DomEvent.on(close, "click", function () { c.remove(); map.fire("moveend"); });
          box.appendChild(close);
          box.appendChild(el("span", null, "Background tiles need the network; the trips are drawn without them. Use offline=True (or --offline) for the built-in basemap."));
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
})();
