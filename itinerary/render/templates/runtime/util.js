/* Small helpers: DOM elements with text only, safe links, days. */

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


// Text for an HTML attribute value in double quotes (only where Leaflet takes HTML).
function escapeAttr(text) {
  return String(text).split("&").join("&amp;").split("\"").join("&quot;").split("<").join("&lt;").split(">").join("&gt;");
}
