// Parses every .ics file given (or found in the directories given) with Mozilla's ical.js and
// checks what Flipside promises: required properties, unique UIDs, UTC times, people, and the
// local times listed in expected_local_times.json next to a file.
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

function localText(utcDate, zone) {
  const parts = {};
  for (const p of new Intl.DateTimeFormat("en-US", {timeZone: zone, hourCycle: "h23", year: "numeric",
      month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit"}).formatToParts(utcDate)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  let calendar;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    check(false, `${file}: does not parse: ${error.message}`);
    continue;
  }
  check(true, `${file}: parses`);
  check(/^(?:[^\r\n]*\r\n)*$/.test(text), `${file}: every line ends in CRLF`);
  check(text.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75), `${file}: lines within 75 octets`);
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
