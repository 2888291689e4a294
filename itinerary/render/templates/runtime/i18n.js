/* Words in the page's language, from the payload's catalogue (see itinerary/render/i18n.py):
 * t("msgid", {name: value}) and tn("one", "many", n, {...}) fill {name} placeholders with text
 * (the result only ever reaches the page as text); fmtDay writes a day with CLDR's pattern. */

var WORDS = { messages: {}, plural: [], day: "d MMM y", months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] };

function fill(text, args) {
  if (!args) return text;
  return text.replace(/\{(\w+)\}/g, function (m, k) { return Object.prototype.hasOwnProperty.call(args, k) ? String(args[k]) : m; });
}

function t(msgid, args) {
  var s = WORDS.messages[msgid];
  return fill(typeof s === "string" ? s : msgid, args);
}

// The plural index of n comes from the catalogue's rule, tabled for 0..199 (above: n % 100 + 100).
function tn(one, many, n, args) {
  var table = WORDS.plural;
  var i = table.length ? table[n < table.length ? n : n % 100 + 100] : (n === 1 ? 0 : 1);
  var forms = WORDS.messages[one];
  var s = Array.isArray(forms) && forms[i] !== undefined ? forms[i] : (i === 0 ? one : many);
  return fill(s, args);
}

// A day number (days since 1970-01-01) in the CLDR pattern of the page's language.
function fmtDay(day) {
  if (day === null || day === undefined || isNaN(day)) return "";
  var d = new Date(day * 86400000);
  var y = d.getUTCFullYear(), m = d.getUTCMonth(), dd = d.getUTCDate();
  return WORDS.day.replace(/'([^']*)'|d+|M+|L+|y+/g, function (tok, lit) {
    if (lit !== undefined) return lit === "" ? "'" : lit;
    var c = tok.charAt(0), n = tok.length;
    if (c === "d") return n > 1 && dd < 10 ? "0" + dd : String(dd);
    if (c === "y") return n === 2 ? String(y).slice(-2) : String(y);
    if (n >= 3) return WORDS.months[m];
    return n === 2 && m < 9 ? "0" + (m + 1) : String(m + 1);
  });
}

function statusLabel(st) {
  return t((THEME && THEME.status[st] || {}).label || st);
}

function modeLabel(mode) {
  return t((THEME && THEME.mode[mode] || {}).label || mode);
}
