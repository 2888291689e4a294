/* The trip rules the page applies (a stop's status as known on a day, a leg's status from its
 * ends, a marker's from its stops); a parity test runs them beside the Python rules. */

function knownDate(stop, day) {
  var label = t("date unknown");
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

function markerStatus(stops) {
  var live = stops.filter(function (s) { return s.status !== "cancelled"; });
  if (!live.length) return "cancelled";
  return live.some(function (s) { return s.status === "confirmed"; }) ? "confirmed" : "planned";
}
