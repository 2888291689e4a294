/* Popups: one box per visit, sources, and panning clear of the controls. */

var THEME = null;
var POPUP = [];  // the stop facts a popup lists, from the payload

function sourceList(stop, sources, early) {
  var p = el("p", "itn-source");
  var head = t("Source:") + " ";
  if (sources.length > 1) {
    head = stop.corroboration && !early
      ? tn("Sources ({n}, {k} independent):", "Sources ({n}, {k} independent):", sources.length, { n: sources.length, k: stop.corroboration }) + " "
      : tn("Sources ({n}):", "Sources ({n}):", sources.length, { n: sources.length }) + " ";
  }
  p.appendChild(el("span", null, head));
  sources.forEach(function (source, i) {
    if (i) p.appendChild(el("span", null, "; "));
    var href = safeUrl(source.url);
    var label = (source.name || source.id) + (source.published ? " (" + fmtDay(dayNumber(source.published)) + ")" : "");
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

// One visit in a popup. day: the "as known on" day (null: everything in the file); nothing
// published later is shown.
function visitBox(stop, trip, sources, status, day, many) {
  var shown = sources.filter(function (s) { return day === null || !s.published || dayNumber(s.published) <= day; });
  var quoted = sources.filter(function (s) { return s.id === stop.source; })[0];
  var early = day !== null && shown.length < sources.length;
  var box = el("div", "itn-visit");
  if (many) box.appendChild(el("div", "itn-visit-title", t("Stop {n}", { n: stop.n })));
  var meta = el("div", "itn-popup-meta");
  var badge = el("span", "itn-badge itn-badge-" + status, statusLabel(status));
  if (THEME && THEME.status[status]) badge.style.background = THEME.status[status].badge;
  meta.appendChild(badge);
  meta.appendChild(el("span", "itn-popup-date", early ? knownDate(stop, day) : stop.date_label));
  box.appendChild(meta);
  var facts = [[t("Traveller"), trip.traveller]];
  POPUP.forEach(function (f) {  // [payload key, label, {value: its words}] from the field table
    var v = stop[f[0]], words = f[2] || {};
    if (Array.isArray(v)) v = v.map(function (x) { return words[x] || x; }).join(", ");
    else if (v !== undefined && v !== null) v = words[v] || v;
    if (v !== undefined && v !== null && v !== "") facts.push([f[1], v]);
  });
  var dl = el("dl", "itn-facts");
  facts.forEach(function (f) {
    dl.appendChild(el("dt", null, f[0]));
    dl.appendChild(el("dd", null, f[1]));
  });
  box.appendChild(dl);
  if (stop.doubt && stop.doubt.length) {
    var doubt = el("div", "itn-doubt-box");
    doubt.appendChild(el("div", "itn-doubt-head", t("To be checked")));
    var ul = el("ul");
    stop.doubt.forEach(function (why) { ul.appendChild(el("li", null, why)); });
    doubt.appendChild(ul);
    box.appendChild(doubt);
  }
  if (stop.quote && (!early || shown.indexOf(quoted) >= 0)) box.appendChild(el("blockquote", "itn-quote", stop.quote));
  if (stop.note && !early) box.appendChild(el("p", "itn-note", stop.note));
  if (stop.why && !early) {  // the extractor's reasons, folded: for the curious, not the reader
    var why = el("details", "itn-why");
    why.appendChild(el("summary", null, t("Why this stop")));
    why.appendChild(el("p", null, stop.why));
    box.appendChild(why);
  }
  if (shown.length) box.appendChild(sourceList(stop, shown, early));
  return box;
}

function popupContent(stops, trip, sourcesById, day, item) {
  var box = el("div", "itn-popup");
  var nums = stops.map(function (s) { return s.n; }).join(", ");
  box.appendChild(el("div", "itn-popup-title", nums + ". " + stops[0].name));
  stops.forEach(function (s) {
    var cited = (s.sources || (s.source ? [s.source] : [])).map(function (id) { return sourcesById[id] || { id: id }; });
    var status = day === null ? s.status : knownStatus(s, day) || s.status;
    box.appendChild(visitBox(s, trip, cited, status, day, stops.length > 1));
  });
  if (item && item.cluster) box.appendChild(clusterList(item));  // markers drawn apart here
  return box;
}

// Every stop a marker holds and, where markers overlap (a cluster), every stop of the cluster:
// one line each, number in the traveller's colour, name, short date (and traveller).
function clusterList(item) {
  var members = (item.cluster || [item]).slice();
  members.sort(function (a, b) { return a.key < b.key ? -1 : a.key > b.key ? 1 : 0; });
  var n = 0;
  members.forEach(function (m) { n += m.stops.length; });
  var box = el("div", "itn-cluster");
  box.appendChild(el("div", "itn-cluster-head", tn("{n} stop here", "{n} stops here", n, { n: n })));
  var ul = el("ul", "itn-cluster-list");
  members.forEach(function (m) {
    m.stops.forEach(function (s) {
      var li = el("li", "itn-cluster-stop");
      var num = el("span", "itn-cluster-num", s.n + ".");
      num.style.color = m.color;
      li.appendChild(num);
      li.appendChild(el("span", "itn-cluster-name", s.name));
      if (s.d) li.appendChild(el("span", "itn-cluster-date", s.d));
      if (m.traveller) li.appendChild(el("span", "itn-cluster-who", m.traveller));
      ul.appendChild(li);
    });
  });
  box.appendChild(ul);
  return box;
}

// A popup is panned into view and clear of the controls (zoom, minimap, layers, legend).
function panPopupsClear(map) {
  map.on("popupopen", function (e) {
    var pe = e.popup.getElement();
    if (!pe) return;
    var close = pe.querySelector(".leaflet-popup-close-button");
    if (close) close.setAttribute("aria-label", t("Close popup"));
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
