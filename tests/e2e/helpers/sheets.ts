import { execFileSync } from 'node:child_process';

/**
 * Parse RFC 4180 CSV (CRLF records, quoted fields with doubled quotes).
 * Throws on a bare LF record end or a stray quote, so a sloppy file fails.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return rows;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new Error('CSV: unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += text[i++];
        }
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`CSV: a quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (i >= n) throw new Error('CSV: the last record does not end with CRLF');
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
      if (i >= n) return rows;
      continue;
    }
    throw new Error(`CSV: unexpected ${JSON.stringify(text[i])} at ${i} (records end with CRLF)`);
  }
}

/** What an independent reader finds in an .xlsx file. */
export interface XlsxRead {
  /** Worksheet names, in order. */
  sheets: string[];
  /** The first worksheet's cells as texts, row by row (missing cells ""). */
  rows: string[][];
  /** The cell types of the first worksheet, by reference ("A1": "s", "B2": "n", …). */
  types: Record<string, string>;
  /** Whether xl/sharedStrings.xml is there. */
  sharedStrings: boolean;
}

// Python's standard library only: zipfile and ElementTree.
const READ_XLSX = String.raw`
import json, re, sys, zipfile
import xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
shared = []
if 'xl/sharedStrings.xml' in names:
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
book = ET.fromstring(z.read('xl/workbook.xml'))
sheets = [s.get('name') for s in book.find('m:sheets', NS).findall('m:sheet', NS)]
def col(ref):
    letters = re.match(r'[A-Z]+', ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1
ws = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
rows, types = [], {}
for r in ws.find('m:sheetData', NS).findall('m:row', NS):
    idx = int(r.get('r')) - 1
    while len(rows) <= idx:
        rows.append([])
    out = rows[idx]
    for c in r.findall('m:c', NS):
        ref, t = c.get('r'), c.get('t', 'n')
        v = c.find('m:v', NS)
        if t == 's':
            text = shared[int(v.text)]
        elif t == 'inlineStr':
            text = ''.join(x.text or '' for x in c.iter('{%s}t' % NS['m']))
        else:
            text = '' if v is None else v.text
        types[ref] = t
        i = col(ref)
        while len(out) <= i:
            out.append('')
        out[i] = text
width = max((len(r) for r in rows), default=0)
rows = [r + [''] * (width - len(r)) for r in rows]
print(json.dumps({'sheets': sheets, 'rows': rows, 'types': types, 'sharedStrings': 'xl/sharedStrings.xml' in names}))
`;

/** Read an .xlsx file with Python's standard library (not the app's writer). */
export function readXlsx(path: string): XlsxRead {
  const out = execFileSync('/usr/bin/python3', ['-c', READ_XLSX, path], { encoding: 'utf8' });
  return JSON.parse(out);
}

/** Pad rows to the same width with "" (a CSV row ends where its last field does). */
export function square(rows: string[][], width?: number): string[][] {
  const w = width ?? Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array(w - r.length).fill('')]);
}
