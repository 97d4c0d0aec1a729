#!/usr/bin/env node
// Writes the CSV data of the bundled examples (examples/*/data/*.csv). Deterministic: no clock,
// no randomness, so running it again gives byte-identical files. The YAML agreements are written
// by hand; examples/README.md explains what each data set is designed to show.
//
//   node scripts/generate-examples.mjs [--out DIR]    (default: the repository's examples/)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Local wall-clock time in Europe/Berlin, as "naive" milliseconds (the wall clock read as if UTC).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n) => String(n).padStart(2, '0');
const at = (date, time = '00:00') => Date.parse(`${date}T${time}:00Z`);
const dateOf = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Berlin offset in hours for a local wall time in 2026 (CEST from 29 March 02:00 to 25 October 03:00). */
function berlinOffset(ms) {
  return ms >= at('2026-03-29', '02:00') && ms < at('2026-10-25', '03:00') ? 2 : 1;
}
/** `2026-03-02T08:30:00`: local time without offset, read in the data set's timezone. */
const local = (ms) => new Date(ms).toISOString().slice(0, 19);
/** `2026-03-02T08:30:00+01:00`: the same local time with its offset. */
const withOffset = (ms) => `${local(ms)}+${pad(berlinOffset(ms))}:00`;
/** `2026-03-02T07:30:00Z`: the same instant in UTC. */
const utc = (ms) => `${new Date(ms - berlinOffset(ms) * HOUR).toISOString().slice(0, 19)}Z`;

// ---------------------------------------------------------------------------------------------
// Working calendars (Mon-Fri, one interval a day, whole-day holidays).

const HOLIDAYS = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25'];

function calendar(from, to) {
  return { from: at('1970-01-01', from), to: at('1970-01-01', to), holidays: new Set(HOLIDAYS) };
}
const OFFICE = calendar('08:00', '18:00'); // service-desk (change requests are hand-listed)

function isWorkday(cal, dayMs) {
  const weekday = new Date(dayMs).getUTCDay();
  return weekday >= 1 && weekday <= 5 && !cal.holidays.has(dateOf(dayMs));
}

/** The working days of a month (1-based), as naive midnights. */
function workdays(cal, month) {
  const days = [];
  for (let d = at(`2026-${pad(month)}-01`); new Date(d).getUTCMonth() === month - 1; d += DAY) {
    if (isWorkday(cal, d)) days.push(d);
  }
  return days;
}

/** The instant `seconds` of working time after `start` (stays at a day's end when it lands there). */
function addWorking(cal, start, seconds) {
  let t = start;
  let left = seconds * 1000;
  while (left > 0) {
    const day = t - (t % DAY);
    const open = day + cal.from;
    const close = day + cal.to;
    if (!isWorkday(cal, day) || t >= close) {
      t = day + DAY + cal.from;
      continue;
    }
    if (t < open) t = open;
    const step = Math.min(left, close - t);
    t += step;
    left -= step;
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// CSV output.

function csv(header, rows) {
  const cell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

const MONTHS = [1, 2, 3, 4, 5, 6];

// ---------------------------------------------------------------------------------------------
// service-desk: tickets, ticket-status, info-requests, report-log, network-incidents, internet-outages

// P1: 20 tickets a month. Minutes to first response (within 30m is good).
const P1_FIRST_RESPONSE = [5, 8, 10, 12, 15, 18, 20, 22, 25, 30, 6, 9, 11, 14, 16, 19, 21, 24, 27, 28];
// P1 resolution in working hours after pauses: three per-month values, then 17 shared ones.
const P1_RESOLUTION_BASE = [1, 1, 1.5, 1.5, 2, 2, 2, 2.5, 2.5, 3, 3, 3, 3.5, 3.5, 4, 4, 4.5];
const P1_RESOLUTION_TOP = { 1: [6, 6, 6], 2: [7, 7, 7], 3: [10, 10, 10], 4: [6, 8, 9], 5: [13, 13, 14], 6: [5, 6, 7] };
// P2: 10 tickets a month. Minutes to first response (within 2h) and resolution hours (within 16h).
const P2_FIRST_RESPONSE = [15, 30, 45, 60, 20, 90, 10, 100, 25, 40];
const P2_RESOLUTION = [3, 5, 8, 10, 12, 14, 6, 4, 2, 15];
const P1_SLOTS = ['08:30', '10:00', '13:00', '15:30'];
const P2_SLOTS = ['09:00', '11:00', '14:00', '16:30'];

/** Per-month deviations from the patterns above, by ticket index. */
function p1Ticket(month, i) {
  let firstResponse = P1_FIRST_RESPONSE[i];
  if (month === 3 && i === 7) firstResponse = 45; // the one late response of March
  if (month === 5 && i === 4) firstResponse = 40; // May: two late responses
  if (month === 5 && i === 13) firstResponse = 95;
  const resolution = i < 3 ? P1_RESOLUTION_TOP[month][i] : P1_RESOLUTION_BASE[i - 3];
  // February: the three longest tickets waited 4 working hours for the customer.
  const wait = month === 2 && i < 3 ? { after: 2, hours: 4 } : null;
  return { firstResponse, resolution, wait };
}

function p2Ticket(month, i) {
  let firstResponse = P2_FIRST_RESPONSE[i];
  if (month === 2 && i === 5) firstResponse = 150; // February: one P2 answered after 2h30m
  let resolution = P2_RESOLUTION[i];
  let wait = null;
  if (month === 4 && i === 3) {
    resolution = 20; // April: 20h net, still too long after a 2h wait for the customer
    wait = { after: 3, hours: 2 };
  }
  return { firstResponse, resolution, wait };
}

function serviceDeskTickets() {
  const tickets = [];
  for (const month of MONTHS) {
    const days = workdays(OFFICE, month);
    for (let i = 0; i < 20; i++) {
      const opened = days[Math.floor((i * days.length) / 20)] + at('1970-01-01', P1_SLOTS[i % 4]);
      tickets.push({ priority: 'P1', opened, ...p1Ticket(month, i) });
    }
    for (let i = 0; i < 10; i++) {
      const opened = days[Math.floor((i * days.length) / 10)] + at('1970-01-01', P2_SLOTS[i % 4]);
      tickets.push({ priority: 'P2', opened, ...p2Ticket(month, i) });
    }
  }
  // June 30: a P2 ticket still open at the end of the data (as-of 2026-07-01).
  tickets.push({ priority: 'P2', opened: at('2026-06-30', '16:00'), firstResponse: 20, resolution: null, wait: null });
  tickets.sort((a, b) => a.opened - b.opened || a.priority.localeCompare(b.priority));

  const rows = [];
  const statusRows = [];
  tickets.forEach((t, n) => {
    const id = `T-${1001 + n}`;
    const firstResponse = addWorking(OFFICE, t.opened, t.firstResponse * 60);
    const waitHours = t.wait ? t.wait.hours : 0;
    const resolved = t.resolution === null ? null : addWorking(OFFICE, t.opened, (t.resolution + waitHours) * 3600);
    rows.push([id, t.priority, local(t.opened), local(firstResponse), resolved === null ? '' : withOffset(resolved)]);
    if (t.wait) {
      const waitFrom = addWorking(OFFICE, t.opened, t.wait.after * 3600);
      const waitTo = addWorking(OFFICE, t.opened, (t.wait.after + t.wait.hours) * 3600);
      statusRows.push([id, local(t.opened), 'New']);
      statusRows.push([id, local(waitFrom), 'Waiting for customer']);
      statusRows.push([id, withOffset(waitTo), 'In progress']);
      statusRows.push([id, withOffset(resolved), 'Resolved']);
    }
  });
  return {
    'service-desk/data/tickets.csv': csv(['id', 'priority', 'opened_at', 'first_response_at', 'resolved_at'], rows),
    'service-desk/data/ticket-status.csv': csv(['ticket_id', 'changed_at', 'status'], statusRows),
  };
}

// Information requests from IT Operations to Company X: working hours until the answer.
const INFO_ANSWER = [2, 4, 8, 12, 16];
const INFO_ANSWER_APRIL = [4, 8, 20, 12, 30];
const INFO_TOPICS = ['new hire list', 'printer locations', 'license owner', 'VPN approvals', 'office move plan'];

function serviceDeskInfoRequests() {
  const rows = [];
  for (const month of MONTHS) {
    const days = workdays(OFFICE, month);
    const hours = month === 4 ? INFO_ANSWER_APRIL : INFO_ANSWER;
    for (let i = 0; i < 5; i++) {
      const requested = days[Math.floor((i * days.length) / 5)] + at('1970-01-01', '10:00');
      const answered = addWorking(OFFICE, requested, hours[i] * 3600);
      rows.push([`IR-${month}0${i + 1}`, INFO_TOPICS[i], withOffset(requested), local(answered)]);
    }
  }
  return { 'service-desk/data/info-requests.csv': csv(['id', 'topic', 'requested_at', 'answered_at'], rows) };
}

const REVIEW_DAYS = ['2026-01-09', '2026-02-10', '2026-03-10', '2026-04-10', '2026-05-08', '2026-06-10'];

function serviceDeskReportLog() {
  const special = {
    '2026-01-12': ['09:31', '11:15'], // re-sent later the same day: the earliest delivery decides
    '2026-02-17': ['10:25'], // late
    '2026-04-21': [], // missed
    '2026-04-28': ['11:40'], // late
    '2026-05-05': ['10:00'], // exactly at the due time: on time
  };
  const deliveries = [];
  for (const month of MONTHS) {
    for (const day of workdays(OFFICE, month)) {
      const times = special[dateOf(day)] ?? [`09:${pad((new Date(day).getUTCDate() * 7) % 50)}`];
      for (const time of times) deliveries.push(day + at('1970-01-01', time));
    }
  }
  deliveries.push(at('2026-03-14', '09:30')); // a Saturday: left over, as Monday takes its own delivery
  // Monthly service review, due on the 10th at 17:00; May's is sent on Friday the 8th.
  const review = new Set(REVIEW_DAYS.map((d) => at(d, '15:00')));
  deliveries.push(...review);
  const rows = [...new Set(deliveries)]
    .sort((a, b) => a - b)
    .map((ms, i) => [
      review.has(ms) ? 'monthly-service-review' : 'daily-open-tickets',
      i % 3 === 0 ? withOffset(ms) : local(ms),
    ]);
  return { 'service-desk/data/report-log.csv': csv(['report', 'delivered_at'], rows) };
}

function serviceDeskNetwork() {
  // [start (Berlin local), hours, cause]; restore time is measured on 24x7.
  const incidents = [
    ['2026-01-06 10:00', 0.5, 'switch'], ['2026-01-12 14:00', 1, 'wifi'], ['2026-01-19 09:00', 1.5, 'switch'],
    ['2026-01-22 11:00', 2, 'firewall'], ['2026-01-27 16:00', 3, 'wifi'],
    ['2026-02-03 10:00', 0.25, 'wifi'], ['2026-02-09 13:00', 0.5, 'switch'], ['2026-02-16 09:00', 1, 'dns'],
    ['2026-02-19 15:00', 2, 'firewall'], ['2026-02-24 10:00', 2.5, 'switch'],
    ['2026-03-04 10:00', 1, 'wifi'], ['2026-03-10 08:00', 5, 'internet-uplink'], ['2026-03-17 14:00', 0.5, 'dns'],
    ['2026-03-19 09:00', 2, 'switch'], ['2026-03-24 07:00', 6, 'core-switch'],
    ['2026-04-08 10:00', 0.5, 'wifi'], ['2026-04-14 11:00', 0.5, 'dns'], ['2026-04-16 09:00', 1, 'switch'],
    ['2026-04-22 15:00', 1.5, 'internet-uplink'], ['2026-04-27 08:00', 4, 'firewall'],
    ['2026-05-05 10:00', 0.5, 'wifi'], ['2026-05-12 13:00', 1, 'switch'], ['2026-05-19 09:00', 1, 'dns'],
    ['2026-05-21 14:00', 2, 'wifi'], ['2026-05-27 10:00', 3, 'firewall'],
    ['2026-06-02 09:00', 1, 'switch'], ['2026-06-09 10:00', 1, 'wifi'], ['2026-06-16 13:00', 2, 'dns'],
    ['2026-06-23 08:00', 3, 'firewall'], ['2026-06-25 11:00', 3.5, 'switch'],
  ];
  const rows = incidents.map(([start, hours, cause], i) => {
    const from = at(start.slice(0, 10), start.slice(11));
    return [`NI-${101 + i}`, utc(from), utc(from + hours * HOUR), cause];
  });
  // Downtime of the internet line as the provider's monitoring reports it, in UTC.
  const outages = [
    ['OUT-1', '2026-01-14T10:00:00Z', '2026-01-14T10:20:00Z', 'fault'],
    ['OUT-2', '2026-03-10T07:00:00Z', '2026-03-10T11:00:00Z', 'fault'],
    ['OUT-3', '2026-03-10T10:30:00Z', '2026-03-10T12:00:00Z', 'fault'], // second probe, overlaps OUT-2
    ['OUT-4', '2026-03-15T01:00:00Z', '2026-03-15T03:00:00Z', 'maintenance'],
    ['OUT-5', '2026-04-22T13:00:00Z', '2026-04-22T13:30:00Z', 'fault'],
    ['OUT-6', '2026-05-10T00:00:00Z', '2026-05-10T04:00:00Z', 'maintenance'],
  ];
  return {
    'service-desk/data/network-incidents.csv': csv(['id', 'started_at', 'restored_at', 'cause'], rows),
    'service-desk/data/internet-outages.csv': csv(['id', 'started_at', 'ended_at', 'cause'], outages),
  };
}

// ---------------------------------------------------------------------------------------------
// change-requests: hand-listed; times are local (Berlin) on the 09:00-17:00 office calendar.

// [id, title, specs_due, specs_received, testdata_due, testdata_received, due, delivered_at]
const CHANGE_REQUESTS = [
  ['CR-101', 'Export invoices as PDF/A', '01-09 17:00', '01-08 11:20', '01-16 17:00', '01-15 10:00', '01-23 17:00', '01-22 15:30'],
  ['CR-102', 'Single sign-on for the portal', '01-14 17:00', '01-14 09:45', '01-21 17:00', '01-20 14:00', '01-28 17:00', '01-28 16:10'],
  ['CR-103', 'New VAT rates', '01-16 17:00', '01-12 10:00', '01-23 17:00', '01-23 16:59', '01-30 17:00', '01-29 12:00'],
  ['CR-104', 'Archive closed orders', '01-07 17:00', '01-05 09:30', '01-12 17:00', '01-12 08:30', '01-15 17:00', '01-15 17:00'],
  ['CR-105', 'Customer self-registration', '02-02 17:00', '02-04 17:00', '02-06 17:00', '02-06 10:00', '02-13 17:00', '02-17 11:00'],
  ['CR-106', 'Stock alert e-mails', '02-09 17:00', '02-06 15:00', '02-16 17:00', '02-13 11:00', '02-20 17:00', '02-19 14:00'],
  ['CR-107', 'Payment reminder texts', '02-11 17:00', '02-11 16:00', '02-18 17:00', '02-18 09:30', '02-25 17:00', '02-24 16:00'],
  ['CR-108', 'Delivery slot booking', '02-13 17:00', '02-12 10:00', '02-20 17:00', '02-19 13:00', '02-27 17:00', '02-27 10:00'],
  ['CR-109', 'Discount codes', '02-04 17:00', '02-03 12:00', '02-10 17:00', '02-10 15:00', '02-18 17:00', '02-18 09:30'],
  ['CR-110', 'Supplier portal login', '03-02 17:00', '03-03 17:00', '03-06 17:00', '03-05 11:00', '03-13 17:00', '03-19 12:00'],
  ['CR-111', 'Returns workflow', '03-09 17:00', '03-10 13:00', '03-16 17:00', '03-16 12:00', '03-20 17:00', '03-23 10:00'],
  ['CR-112', 'Price list import', '03-11 17:00', '03-10 16:00', '03-18 17:00', '03-17 10:00', '03-25 17:00', '03-24 15:00'],
  ['CR-113', 'Order history filter', '03-04 17:00', '03-04 12:00', '03-11 17:00', '03-11 09:15', '03-18 17:00', '03-18 16:00'],
  ['CR-114', 'Invoice address check', '03-13 17:00', '03-12 14:00', '03-20 17:00', '03-19 10:00', '03-27 17:00', '03-26 11:00'],
  ['CR-115', 'Warehouse label layout', '04-01 17:00', '03-31 10:00', '04-08 17:00', '04-08 09:00', '04-17 17:00', '04-21 10:00'],
  ['CR-116', 'Newsletter opt-in', '04-09 17:00', '04-08 11:00', '04-15 17:00', '04-14 16:00', '04-22 17:00', '04-22 11:00'],
  ['CR-117', 'Shipping cost table', '04-10 17:00', '04-10 10:00', '04-17 17:00', '04-16 15:00', '04-24 17:00', '04-23 14:00'],
  ['CR-118', 'Easter opening hours banner', '04-02 17:00', '04-07 11:00', '04-09 17:00', '04-09 10:00', '04-15 17:00', '04-16 09:30'],
  ['CR-119', 'Credit note numbering', '04-14 17:00', '04-13 09:30', '04-21 17:00', '04-20 12:00', '04-28 17:00', '04-27 16:30'],
  ['CR-120', 'Loyalty points', '05-04 17:00', '05-05 17:00', '05-11 17:00', '05-13 17:00', '05-22 17:00', '05-27 15:00'],
  ['CR-121', 'Product comparison', '05-06 17:00', '05-05 10:00', '05-12 17:00', '05-12 11:00', '05-19 17:00', '05-19 12:00'],
  ['CR-122', 'Gift wrapping option', '05-08 17:00', '05-07 13:00', '05-15 17:00', '05-15 09:00', '05-21 17:00', '05-20 10:00'],
  ['CR-123', 'Store locator', '05-13 17:00', '05-12 15:00', '05-20 17:00', '05-19 14:00', '05-27 17:00', '05-27 16:45'],
  ['CR-124', 'Order cancellation e-mail', '05-15 17:00', '05-15 11:00', '05-22 17:00', '05-21 10:00', '05-29 17:00', '05-28 15:00'],
  ['CR-125', 'B2B price tiers', '06-12 17:00', '', '06-19 17:00', '06-18 10:00', '06-26 17:00', ''],
  ['CR-126', 'Wish list sharing', '06-03 17:00', '06-02 10:00', '06-10 17:00', '06-10 09:00', '06-17 17:00', '06-16 14:00'],
  ['CR-127', 'Address autocomplete', '06-05 17:00', '06-05 15:30', '06-12 17:00', '06-11 10:00', '06-19 17:00', '06-19 11:00'],
  ['CR-128', 'Invoice download page', '06-10 17:00', '06-09 12:00', '06-17 17:00', '06-16 10:00', '06-24 17:00', '06-23 15:00'],
  ['CR-129', 'Cookie banner update', '06-15 17:00', '06-12 09:30', '06-22 17:00', '06-22 08:45', '06-29 17:00', '06-29 13:00'],
];

function changeRequests() {
  const stamp = (text, format) => {
    if (text === '') return '';
    return format(at(`2026-${text.slice(0, 5)}`, text.slice(6)));
  };
  const rows = CHANGE_REQUESTS.map(([id, title, sd, sr, td, tr, due, done], i) => [
    id,
    title,
    stamp(sd, local),
    stamp(sr, i % 2 === 0 ? withOffset : local),
    stamp(td, local),
    stamp(tr, local),
    stamp(due, local),
    stamp(done, withOffset),
  ]);
  const header = ['id', 'title', 'specs_due', 'specs_received', 'testdata_due', 'testdata_received', 'due', 'delivered_at'];
  return { 'change-requests/data/change-requests.csv': csv(header, rows) };
}

// ---------------------------------------------------------------------------------------------
// revenue-chain: leads (daily qualified-lead counts), new customers, friction report log.

const LEADS = { 1: 230, 2: 190, 3: 215, 4: 150, 5: 240, 6: 225 };
const NEW_CUSTOMERS = { 1: 55, 2: 52, 3: 58, 4: 41, 5: 53, 6: 56 };
const CAMPAIGNS = ['webinar', 'trade-fair', 'search-ads', 'newsletter'];
const SEGMENTS = ['smb', 'mid-market', 'enterprise'];

/** Splits `total` over `n` days: an even share, the remainder on the first days, then ±k wiggles. */
function spread(total, n) {
  const parts = Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
  for (let k = 0; k + 1 < n; k += 2) {
    const w = k % 3;
    parts[k] += w;
    parts[k + 1] -= w;
  }
  return parts;
}

function revenueChain() {
  const leads = [];
  const customers = [];
  for (const month of MONTHS) {
    const days = workdays(OFFICE, month);
    spread(LEADS[month], days.length).forEach((count, i) => {
      leads.push([dateOf(days[i]), CAMPAIGNS[i % CAMPAIGNS.length], String(count)]);
      if (month === 6 && i === 10) leads.push([dateOf(days[i]), 'partner', '']); // export glitch: empty value
    });
    const signed = NEW_CUSTOMERS[month];
    for (let i = 0; i < signed + 2; i++) {
      const cancelled = i === 3 || i === 10; // two cancelled contracts a month: not handed over
      const day = days[Math.floor((i * days.length) / (signed + 2))];
      const ms = day + at('1970-01-01', '09:00') + ((i * 37) % 480) * MINUTE;
      customers.push({ ms, segment: SEGMENTS[i % 3], status: cancelled ? 'cancelled' : 'signed' });
    }
  }
  const customerRows = customers.map((c, i) => [
    `C-${5001 + i}`,
    i % 4 === 0 ? withOffset(c.ms) : local(c.ms),
    c.segment,
    c.status,
  ]);
  // Friction report, due on the 5th at 12:00 each month.
  const friction = [
    '2026-01-05 11:00', '2026-02-03 16:00', '2026-03-05 11:55',
    '2026-04-02 10:00', '2026-05-05 14:30', '2026-06-05 11:00',
  ].map((t) => ['friction-report', local(at(t.slice(0, 10), t.slice(11)))]);
  return {
    'revenue-chain/data/leads.csv': csv(['date', 'campaign', 'qualified'], leads),
    'revenue-chain/data/new-customers.csv': csv(['id', 'signed_at', 'segment', 'status'], customerRows),
    'revenue-chain/data/report-log.csv': csv(['report', 'sent_at'], friction),
  };
}

// ---------------------------------------------------------------------------------------------

function parseOut(argv) {
  const i = argv.indexOf('--out');
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]);
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'examples');
}

const files = {
  ...serviceDeskTickets(),
  ...serviceDeskInfoRequests(),
  ...serviceDeskReportLog(),
  ...serviceDeskNetwork(),
  ...changeRequests(),
  ...revenueChain(),
};
const out = parseOut(process.argv.slice(2));
for (const [path, content] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
  const target = join(out, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
process.stdout.write(`wrote ${Object.keys(files).length} files to ${out}\n`);
