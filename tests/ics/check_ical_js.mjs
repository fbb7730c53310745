// Parses every .ics file given (or found in the directories given) with Mozilla's ical.js and
// checks what Flipside promises: RFC 5545 line folding on the file's bytes, required
// properties, unique UIDs, UTC times, people, and the local times listed in
// expected_local_times.json next to a file.
// Usage: node tests/ics/check_ical_js.mjs <file-or-dir>...   Last line: "ics-ical.js: N passed, M failed"
import ICAL from "ical.js";
import fs from "node:fs";
import path from "node:path";

const files = [];
for (const arg of process.argv.slice(2)) {
  if (fs.statSync(arg).isDirectory()) {
    for (const name of fs.readdirSync(arg).sort()) if (name.endsWith(".ics")) files.push(path.join(arg, name));
  } else files.push(arg);
}
let passed = 0, failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else { failed++; console.log("FAIL " + what); }
};

// RFC 5545 section 3.1 on the bytes as written (a parser unfolds before anyone sees them):
// every physical line ends in CRLF, holds at most 75 octets without it, either starts a
// property or continues one after a single leading space or tab, and decodes as UTF-8 on its
// own, so that no fold splits a character. One [ok, what] per rule, naming the first offender.
function foldingChecks(bytes) {
  const lines = [];
  let start = 0, bareBreak = null;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = ++i + 1;
    } else if ((bytes[i] === 0x0d || bytes[i] === 0x0a) && bareBreak === null) {
      bareBreak = `a bare ${bytes[i] === 0x0d ? "CR" : "LF"} on line ${lines.length + 1}`;
    }
  }
  const unterminated = start < bytes.length;
  if (unterminated) lines.push(bytes.subarray(start));
  const first = (test) => {
    const index = lines.findIndex((line, i) => !test(line, i));
    return index < 0 ? null : index + 1;
  };
  const decoder = new TextDecoder("utf-8", {fatal: true});
  const decodes = (line) => {
    try { decoder.decode(line); return true; } catch { return false; }
  };
  const isFold = (octet) => octet === 0x20 || octet === 0x09;
  // A line that does not continue the previous one starts a property: NAME then ":" or ";".
  const contentStart = /^[A-Za-z0-9-]+[:;]/;
  const long = first((line) => line.length <= 75);
  const badStart = first((line, i) => isFold(line[0]) ? i > 0 && line.length > 1
                                                      : contentStart.test(line.toString("latin1")));
  const split = first((line) => decodes(isFold(line[0]) ? line.subarray(1) : line));
  return [
    [bareBreak === null && !unterminated, `every line ends in CRLF (${bareBreak ?? "the last line has no CRLF"})`],
    [long === null, `lines within 75 octets (line ${long} has ${long && lines[long - 1].length})`],
    [badStart === null, `continuation lines start with one space or tab (line ${badStart})`],
    [split === null, `no fold splits a UTF-8 sequence (line ${split} does not decode on its own)`],
  ];
}

function localText(utcDate, zone) {
  const parts = {};
  for (const p of new Intl.DateTimeFormat("en-US", {timeZone: zone, hourCycle: "h23", year: "numeric",
      month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit"}).formatToParts(utcDate)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

for (const file of files) {
  const bytes = fs.readFileSync(file);
  for (const [ok, what] of foldingChecks(bytes)) check(ok, `${file}: ${what}`);
  const text = bytes.toString("utf8");
  let calendar;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    check(false, `${file}: does not parse: ${error.message}`);
    continue;
  }
  check(true, `${file}: parses`);
  check(calendar.getFirstPropertyValue("version") === "2.0" && !!calendar.getFirstPropertyValue("prodid"),
        `${file}: VERSION and PRODID`);
  const uids = new Set();
  const starts = new Map();
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    const uid = event.uid;
    check(!!uid && !uids.has(uid), `${file}: unique UID ${uid}`);
    uids.add(uid);
    for (const name of ["dtstamp", "dtstart", "dtend", "sequence", "status", "summary"])
      check(vevent.hasProperty(name), `${file}: ${uid} has ${name.toUpperCase()}`);
    check(event.startDate.zone === ICAL.Timezone.utcTimezone, `${file}: ${uid} DTSTART in UTC`);
    check(event.endDate.compare(event.startDate) > 0, `${file}: ${uid} ends after it starts`);
    check(["CONFIRMED", "CANCELLED"].includes(vevent.getFirstPropertyValue("status")), `${file}: ${uid} STATUS`);
    check(Number.isInteger(vevent.getFirstPropertyValue("sequence")), `${file}: ${uid} SEQUENCE is a number`);
    for (const attendee of vevent.getAllProperties("attendee")) {
      check(String(attendee.getFirstValue()).startsWith("mailto:") && !!attendee.getParameter("cn"),
            `${file}: ${uid} attendee with CN and mailto`);
    }
    check(event.summary.startsWith("Reverse mentoring: "), `${file}: ${uid} SUMMARY unescaped`);
    starts.set(uid, event.startDate.toJSDate());
  }
  check(uids.size > 0, `${file}: has events`);
  const expectedFile = path.join(path.dirname(file), "expected_local_times.json");
  if (fs.existsSync(expectedFile)) {
    const expected = JSON.parse(fs.readFileSync(expectedFile, "utf8"))[path.basename(file)] || [];
    for (const row of expected) {
      const start = starts.get(row.uid);
      const shown = start ? localText(start, row.zone) : "(missing)";
      check(shown === row.local, `${file}: ${row.uid} in ${row.zone} shows ${shown}, expected ${row.local}`);
    }
  }
}
console.log(`ics-ical.js: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
