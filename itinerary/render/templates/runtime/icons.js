/* Styles from the theme: leg lines, stop markers, direction arrows. */

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
