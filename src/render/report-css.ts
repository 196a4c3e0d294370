/** The report page's style sheet (inlined in report.html: the page requests nothing). */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f1f1f; background: #ffffff; margin: 0 auto; max-width: 1020px; padding: 24px 28px 48px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.75rem; margin: 0 0 .4rem; line-height: 1.2; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .7rem; padding-bottom: .2rem; border-bottom: 2px solid #d0d0d0; }
h3 { font-size: 1.12rem; margin: 0 0 .2rem; }
h4 { font-size: .95rem; margin: .8rem 0 .25rem; }
p { margin: .35rem 0; }
a { color: #005a9c; }
.muted, .measure-meta { color: #595959; }
.measure-meta { font-size: .9rem; margin: 0 0 .4rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .4rem 0 .6rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid #c4c4c4; padding: .3rem .45rem; text-align: left; vertical-align: middle; }
thead th { background: #f0f0f0; font-weight: 600; }
tbody th { font-weight: 600; }
tr.section-row th { background: #e6edf3; font-size: .92rem; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.icon-cell { white-space: nowrap; }
.icon { vertical-align: middle; margin-right: .3rem; flex: none; }
table.rules { width: auto; font-size: .82rem; }
table.rules th, table.rules td { padding: .15rem .45rem; }
td.period { white-space: nowrap; }
table.summary tbody th[scope="row"] { min-width: 10.5em; }
table.rules th { background: #f7f7f7; font-weight: 600; white-space: nowrap; }
.badge { display: inline-block; border: 1.5px solid currentColor; border-radius: 3px; padding: 0 .3em; margin-right: .3em; font-size: .72rem; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; line-height: 1.4; vertical-align: .05em; }
.badge.new { color: #8f3a00; background: #fff0e3; }
.badge.recent { color: #303030; background: #eeeeee; }
.none { color: #6b6b6b; }
ul.key { list-style: none; padding: 0; margin: .4rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1.4rem; font-size: .88rem; }
ul.key li { display: flex; align-items: center; }
section.measure { margin: 1.4rem 0 2rem; padding-top: .6rem; border-top: 1px solid #e2e2e2; }
figure.chart { margin: .4rem 0 .5rem; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 780px; }
ul.explain { margin: .3rem 0 .5rem; padding-left: 1.2rem; }
ul.explain li { margin: .25rem 0; }
ul.plain { margin: .2rem 0 .4rem; padding-left: 1.2rem; }
.no-chart { font-style: italic; color: #595959; }
footer { margin-top: 2.5rem; font-size: .85rem; color: #595959; border-top: 1px solid #d0d0d0; padding-top: .6rem; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h2 { margin-top: 1.2rem; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 8pt; }
  th, td { padding: .15rem .3rem; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  section.measure { break-inside: avoid; page-break-inside: avoid; margin: .6rem 0 1rem; }
  figure.chart svg { max-width: 100%; max-height: 118mm; }
  a { color: inherit; text-decoration: none; }
  .badge.new, .badge.recent, tr.section-row th, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
