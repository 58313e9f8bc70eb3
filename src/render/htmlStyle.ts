// The printed sheet's only style sheet, inlined in the document (nothing is fetched). No paper size
// is set: the sheet prints on the printer's paper (A4 or Letter); the margins and the 10 pt type fit
// the narrower width (A4, 210 mm) and the shorter height (Letter, 279 mm). Black on white, ruled
// tables, each infusion day on a page of its own, table headers repeated on a new page.
export const SHEET_STYLE = `
@page { margin: 12mm 12mm 13mm 12mm; }
html { color: #000; background: #fff; }
body { margin: 0; font: 10pt/1.3 "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif; }
@media screen { body { max-width: 186mm; margin: 8mm auto; padding: 0 6mm; } }
h1 { font-size: 15pt; margin: 0 0 1mm; }
h2 { font-size: 12.5pt; margin: 0 0 1.5mm; }
h3 { font-size: 10.5pt; margin: 3mm 0 1mm; }
p { margin: 0 0 1.5mm; }
table { border-collapse: collapse; width: calc(100% - 1.5pt); margin: 0 0 2mm 0.75pt; }
th, td { border: 0.75pt solid #000; padding: 0.8mm 1.5mm; text-align: left; vertical-align: top; }
th { font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.fields th { width: 34mm; }
.write td.blank { height: 5.8mm; }
.write td.wide { width: 45%; }
.day { break-before: page; break-inside: avoid; }
.closing { break-before: page; }
.who { border: 0.75pt solid #000; padding: 1.5mm; margin: 0 0.75pt 2mm; }
.who span { display: inline-block; min-width: 58mm; }
.alert { border: 1.5pt solid #000; padding: 1.5mm; margin: 0 1pt 2mm; font-weight: bold; }
.small { font-size: 8.5pt; }
ol.sources li { margin: 0 0 1mm; }
a { color: #000; text-decoration: none; }
.code { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-weight: bold; }
`;
