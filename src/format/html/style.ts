/**
 * The report's inline CSS. Status colours pass WCAG AA contrast on white and always come with a
 * symbol and a word; print starts each agreement on a new page and keeps charts and rows whole.
 */
export const STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328; background: #fff; margin: 0 auto; max-width: 1000px; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; }
a { color: #0550ae; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: .2rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #57606a; font-size: .9em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding-left: 1.2rem; }
.status { font-weight: 600; white-space: nowrap; }
.status.met { color: #116329; }
.status.at-risk { color: #7d4e00; }
.status.breached { color: #a40e26; }
.status.excused { color: #0550ae; }
.status.no-data { color: #57606a; }
p.legend > span { margin-right: .9rem; }
.key.target { color: #1f2328; }
.key.warning { color: #7d4e00; }
figure { margin: .5rem 0; }
figcaption { color: #57606a; font-size: .9em; }
svg.chart { max-width: 100%; height: auto; font: 11px system-ui, "DejaVu Sans", sans-serif; }
svg.chart .plot { fill: #fbfcfd; stroke: #d0d7de; }
svg.chart .tick, svg.chart .line-label { fill: #57606a; }
svg.chart .target-line { stroke: #1f2328; stroke-width: 1.5; }
svg.chart .warning-line { stroke: #7d4e00; stroke-width: 1.5; stroke-dasharray: 6 4; }
svg.chart .value-line { fill: none; stroke: #8c959f; stroke-width: 1.5; }
svg.chart .point.met { fill: #116329; }
svg.chart .point.at-risk { fill: #7d4e00; }
svg.chart .point.breached { stroke: #a40e26; stroke-width: 3; fill: none; }
svg.chart .point.excused { fill: #0550ae; }
svg.chart .point.no-data { fill: #fff; stroke: #57606a; stroke-width: 1.5; }
svg.chart .point.partial { opacity: .6; }
svg.chart .breach-label { fill: #a40e26; font-weight: 600; }
article.breach { border-left: 4px solid #a40e26; padding-left: .8rem; margin: .8rem 0; }
@page { margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  section.agreement { break-before: page; }
  section.objective, figure, article.breach, tr { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`.trim();
