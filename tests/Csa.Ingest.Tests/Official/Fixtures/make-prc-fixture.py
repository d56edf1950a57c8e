"""Writes the TEST FIXTURE prc-fixture.ods and prc-fixture.csv: a slice of real rows of the Home Office force-level
table (../shared/data/prc, release of 19 October 2023: Cambridgeshire and Durham, 2021/22 and 2022/23), laid out as the
published ODS is: a Notes sheet, then one sheet per financial year named 2021_22, 2022_23, each with a title row above
the header, numbers as float cells, and the trailing repeated empty cells and rows a spreadsheet program writes.
The zip and its content.xml are written by hand here, not by a spreadsheet program.
Run: python3 make-prc-fixture.py PATH/TO/prc-pfa-2012-13_to_2023-24q1.csv"""
import csv, sys, zipfile
from xml.sax.saxutils import escape

source = sys.argv[1]
with open(source, newline='', encoding='utf-8') as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = [r for r in reader if r[2] in ('Cambridgeshire', 'Durham') and r[0] in ('2021/22', '2022/23')]

with open('prc-fixture.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(header)
    w.writerows(rows)

def cell(value, numeric):
    if numeric:
        return f'<table:table-cell office:value-type="float" office:value="{value}" calcext:value-type="float"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell office:value-type="string" calcext:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'

def row(values, numeric_columns=()):
    cells = ''.join(cell(v, i in numeric_columns) for i, v in enumerate(values))
    return f'<table:table-row>{cells}<table:table-cell table:number-columns-repeated="1016"/></table:table-row>'

sheets = ['<table:table table:name="Notes"><table:table-row><table:table-cell office:value-type="string"><text:p>Notes</text:p></table:table-cell></table:table-row>'
          '<table:table-row><table:table-cell office:value-type="string"><text:p>TEST FIXTURE: real rows of the Home Office table, laid out as the published ODS.</text:p></table:table-cell></table:table-row></table:table>']
for year in ('2021/22', '2022/23'):
    body = [row([f'Police recorded crime by offence, force level, {year}'])]
    body.append(row(header))
    body += [row(r, numeric_columns=(1, 7)) for r in rows if r[0] == year]
    body.append('<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>')
    sheets.append(f'<table:table table:name="{year.replace("/", "_")}">' + ''.join(body) + '</table:table>')

content = ('<?xml version="1.0" encoding="UTF-8"?>'
           '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">'
           '<office:body><office:spreadsheet>' + ''.join(sheets) + '</office:spreadsheet></office:body></office:document-content>')
manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>')
with zipfile.ZipFile('prc-fixture.ods', 'w') as z:
    z.writestr(zipfile.ZipInfo('mimetype'), 'application/vnd.oasis.opendocument.spreadsheet', compress_type=zipfile.ZIP_STORED)
    z.writestr('META-INF/manifest.xml', manifest, compress_type=zipfile.ZIP_DEFLATED)
    z.writestr('content.xml', content, compress_type=zipfile.ZIP_DEFLATED)
print(len(rows), 'rows')
