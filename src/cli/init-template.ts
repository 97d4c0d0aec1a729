/**
 * The files `slacheck init DIR` writes: a commented starter SLA with a year of sample data that
 * validates and evaluates as it is (every quarter met, whatever the date in or after 2026).
 */

const AGREEMENT = `# yaml-language-server: $schema=./agreement.schema.json
# Editors that understand the line above complete keys and show help from agreement.schema.json
# (written by \`slacheck init\`; \`slacheck schema\` prints it). \`slacheck validate .\` checks this
# file, \`slacheck evaluate .\` the data.
apiVersion: slacheck/v1          # always slacheck/v1
kind: SLA                        # SLA (provider <-> customer), OLA (internal teams) or UC (supplier)
id: starter-service-desk         # lowercase letters, digits and hyphens; unique across your files
title: Service desk for Example Corp
description: IT support for all Example Corp employees.

parties:                         # who signs: exactly one provider, at least one customer
  it-support:
    name: IT Support
    role: provider
    contact: it-support@example.com
  example-corp:
    name: Example Corp
    role: customer
    contact: cio@example.com
    responsibilities: [Report incidents through the portal or by phone]

validity: { from: 2026-01-01, to: 2026-12-31 }   # local dates, both inclusive
timezone: Europe/Berlin          # windows (months, quarters) start at midnight in this zone
fee: { amount: 5000, currency: EUR, per: quarter }   # lets service credits show an amount

calendars:                       # working time; "24x7" always exists
  office:
    hours:
      mon-fri: "09:00-17:00"     # several intervals: "09:00-12:00, 13:00-17:00"
    holidays: [2026-01-01, 2026-12-25]

services:                        # what is delivered, where and when
  service-desk:
    description: Incident and request handling
    location: Remote (phone, e-mail, portal)
    hours: office                # a calendar id: durations are counted in these hours

data:                            # CSV files with a header row, relative to this file
  tickets:
    file: data/tickets.csv       # timestamps without an offset are read in the agreement's timezone
  report-log:
    file: data/report-log.csv

monitoring:                      # how the agreement is controlled
  collection: Weekly CSV export from the ticketing system
  verification: quarterly
  auditor: example-corp

objectives:
  - id: first-response
    service: service-desk
    description: Tickets get a first response within one business hour
    source: tickets              # a data set id from \`data\`
    measure: { duration: { from: opened_at, to: first_response_at, calendar: office } }
    aggregate: ratio             # share of good records, in %
    good: { within: 1h }         # a record is good when its duration is at most 1 working hour
    target: ">= 90%"             # breached below 90%
    warning: ">= 95%"            # met but below 95% shows as at-risk
    window: quarter              # day | week | month | quarter | year | validity
    time: opened_at              # the column that places a ticket in a window
    credits:                     # only for breached, complete windows
      - { below: 90%, credit: 5% }

reports:
  - id: monthly-report
    description: Ticket volumes and response times of the previous month
    format: PDF
    channel: email
    to: [cio@example.com]        # e-mail addresses or party ids
    schedule: { every: month, on: 5, by: "12:00" }   # due on the 5th at 12:00
    log: { source: report-log, at: sent_at }          # when each report was sent
    target: ">= 90%"             # share of reports sent on time
    window: quarter
`;

const TICKETS = `id,priority,opened_at,first_response_at
T-1,P2,2026-01-13T09:15:00,2026-01-13T09:40:00
T-2,P1,2026-02-10T14:00:00,2026-02-10T14:20:00
T-3,P3,2026-03-17T16:30:00,2026-03-18T09:10:00
T-4,P2,2026-04-14T10:05:00,2026-04-14T10:35:00
T-5,P2,2026-05-12T11:00:00+02:00,2026-05-12T11:45:00+02:00
T-6,P1,2026-06-16T08:40:00,2026-06-16T09:25:00
T-7,P3,2026-07-14T13:00:00,2026-07-14T13:55:00
T-8,P2,2026-08-11T09:30:00,2026-08-11T10:00:00
T-9,P2,2026-09-15T15:10:00,2026-09-15T15:50:00
T-10,P1,2026-10-13T10:00:00,2026-10-13T10:05:00
T-11,P3,2026-11-10T16:45:00+01:00,2026-11-11T09:25:00+01:00
T-12,P2,2026-12-08T12:00:00,2026-12-08T12:30:00
`;

const REPORT_LOG = `sent_at
2026-01-05T10:30:00
2026-02-05T09:45:00
2026-03-05T11:00:00
2026-04-02T15:00:00
2026-05-05T10:00:00
2026-06-05T11:30:00
2026-07-03T14:00:00
2026-08-05T09:30:00
2026-09-04T16:00:00
2026-10-05T10:15:00
2026-11-05T11:45:00
2026-12-04T10:00:00
`;

const README = `# Service level agreements with slacheck

- \`agreement.yaml\` — the SLA: parties, validity, working calendar, services, data sets, one
  objective (first response within one business hour) and one report (monthly, by the 5th).
- \`data/tickets.csv\` — tickets with \`opened_at\` and \`first_response_at\` (a ticket opened after
  hours is counted from the next working morning: T-3 and T-11 took 40 working minutes).
- \`data/report-log.csv\` — when each monthly report was sent.
- \`agreement.schema.json\` — the JSON Schema the modeline in \`agreement.yaml\` points at, for editor help.

Commands:

\`\`\`sh
slacheck schema > agreement.schema.json   # refresh the schema after upgrading slacheck
slacheck validate .                       # check the agreement (exit 1 on errors)
slacheck evaluate .                       # one line per objective and quarter
slacheck evaluate . --as-of 2026-07-01    # as if today were 1 July 2026
slacheck explain first-response . --window 2026-Q1
slacheck evaluate . --format json         # for CI; exits 1 when an objective is breached
\`\`\`

Replace the sample data with exports from your own systems and adapt the objective; the slacheck
README describes every key, and your editor shows each key's description from agreement.schema.json.
`;

export const INIT_FILES: ReadonlyArray<{ path: string; content: string }> = [
  { path: 'agreement.yaml', content: AGREEMENT },
  { path: 'data/tickets.csv', content: TICKETS },
  { path: 'data/report-log.csv', content: REPORT_LOG },
  { path: 'SLACHECK.md', content: README },
];
