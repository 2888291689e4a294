/* Labels without overlaps: stop labels beside their markers, basemap names, leader lines. */

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

// Label placement from the theme (theme.json "labels", in the payload; the print map reads the
// same directions): sides tried in order at each gap, a leader line beyond the first gap.
var DIRS = null;  // [dx, dy] on screen (y down)
var GAPS = null;  // label to marker, px, tried in turn
var PLACING = null;  // the rest of labels.screen: small_max_gap_px, declutter_*, cluster_px
function setLabelRules(labels) {
  DIRS = labels.directions.map(function (d) { return [d[0], -d[1] || 0]; });  // the theme's y points up
  GAPS = labels.screen.gaps_px;
  PLACING = labels.screen;
}

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
    for (var k = 1; k <= PLACING.declutter_rings; k++) DIRS.forEach(function (d) { rings.push([d[0] * k, d[1] * k]); });
    var step = PLACING.declutter_step_px;  // a ring: half a box and step[0] across, a box and step[1] up or down
    this.items.forEach(function (it) {
      if (!it.marker) return;
      var e = map.hasLayer(it.marker) && it.marker.getElement();
      if (!e) { it.moved = null; return; }
      var p = map.latLngToContainerPoint(it.latlng).add(it.shift);
      var hw = it.hw, hh = it.hh, best = null;
      for (var i = 0; i < rings.length && !best; i++) {
        var dx = rings[i][0] * (hw + step[0]), dy = rings[i][1] * (2 * hh + step[1]);
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
    this._clusters(map);
  },
  // Markers whose true places overlap on screen at this zoom form a cluster: the tooltip and
  // popup of each list every stop the cluster holds (see clusterList).
  _clusters: function (map) {
    var shown = this.items.filter(function (it) { return it.marker && map.hasLayer(it.marker) && it.marker.getElement(); });
    var pts = shown.map(function (it) { return map.latLngToContainerPoint(it.latlng).add(it.shift); });
    var parent = shown.map(function (_, i) { return i; });
    function root(i) { while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
    for (var i = 0; i < shown.length; i++) {
      for (var j = i + 1; j < shown.length; j++) {
        var a = shown[i], b = shown[j];
        if (Math.abs(pts[i].x - pts[j].x) < a.hw + b.hw - 2 && Math.abs(pts[i].y - pts[j].y) < a.hh + b.hh - 2) parent[root(i)] = root(j);  // boxes overlap (as in _declutter)
      }
    }
    var groups = {};
    shown.forEach(function (it, k) { (groups[root(k)] = groups[root(k)] || []).push(it); });
    this.items.forEach(function (it) { it.cluster = null; });
    Object.keys(groups).forEach(function (k) {
      var g = groups[k];
      if (g.length > 1) g.forEach(function (it) { it.cluster = g; });
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
      if (q.owner === it || Math.abs(q.x - p.x) + Math.abs(q.y - p.y) < PLACING.cluster_px) continue;
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
