import { inflateSync } from 'node:zlib';

/**
 * The text drawn on each page of a PDF Chromium printed, in page order:
 * enough to check what a printed page carries (not a general PDF reader).
 * Chromium (Skia) draws text with `Tj`/`TJ` on the codes of Type0 fonts
 * (two bytes; Latin) or Type3 fonts (one byte; CJK), each with a ToUnicode
 * map; forms (`Do`) are followed. Runs of text
 * (BT … ET) are joined with a space.
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  const src = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream?: string }>();
  const objRe = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m; (m = objRe.exec(src)); ) {
    const body = m[2];
    const at = body.indexOf('stream');
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    let start = m.index + m[0].indexOf(body) + at + 'stream'.length;
    if (src[start] === '\r') start++;
    if (src[start] === '\n') start++;
    const len = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(start, start + len);
    let stream: string;
    try {
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
    } catch {
      stream = '';
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  const ref = (s: string | undefined) => (s ? Number(/(\d+) 0 R/.exec(s)?.[1]) : NaN);
  /** The balanced `<< … >>` that starts at `i`. */
  const balanced = (s: string, i: number): string => {
    let depth = 0;
    for (let j = i; j < s.length - 1; j++) {
      if (s[j] === '<' && s[j + 1] === '<') {
        depth++;
        j++;
      } else if (s[j] === '>' && s[j + 1] === '>') {
        depth--;
        j++;
        if (depth === 0) return s.slice(i, j + 1);
      }
    }
    return s.slice(i);
  };
  /** A dictionary entry `/Key …` (a dictionary, a reference or an array), following a reference. */
  const entry = (dict: string, key: string): string => {
    const m = new RegExp(`/${key}\\s*(<<|\\d+ 0 R|\\[[^\\]]*\\])`).exec(dict);
    if (!m) return '';
    if (m[1] === '<<') return balanced(dict, m.index + m[0].length - 2);
    if (/^\d+ 0 R$/.test(m[1])) return objects.get(ref(m[1]))?.dict ?? '';
    return m[1];
  };
  /** `/Name n 0 R` pairs of a sub-dictionary (/Font, /XObject). */
  const names = (dict: string, key: string): Map<string, number> => {
    const out = new Map<string, number>();
    for (const m of entry(dict, key).matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) out.set(m[1], Number(m[2]));
    return out;
  };
  /** A font's map from codes to text, and its code width in hex digits (Type0: two bytes; Type3, as Chromium writes CJK: one). */
  type Cmap = { map: Map<number, string>; width: number };
  const cmaps = new Map<number, Cmap>();
  const toUnicode = (font: number): Cmap => {
    const hit = cmaps.get(font);
    if (hit) return hit;
    const map = new Map<number, string>();
    const cmap = objects.get(ref(/\/ToUnicode (\d+ 0 R)/.exec(objects.get(font)?.dict ?? '')?.[1]))?.stream ?? '';
    const hex = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), hex(m[2]));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        const [a, b, d] = [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
        for (let g = a; g <= b; g++) map.set(g, String.fromCharCode(d + g - a));
      }
    const cm = { map, width: /\/Subtype\s*\/Type0/.test(objects.get(font)?.dict ?? '') ? 4 : 2 };
    cmaps.set(font, cm);
    return cm;
  };
  const draw = (content: string, resources: string, depth: number): string => {
    const fonts = names(resources, 'Font');
    const forms = names(resources, 'XObject');
    let font: Cmap = { map: new Map(), width: 4 };
    let out = '';
    const op = /\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>\s*Tj|\[([^\]]*)\]\s*TJ|\bET\b|\/([\w.+-]+)\s+Do/g;
    for (let m; (m = op.exec(content)); ) {
      if (m[1]) font = toUnicode(fonts.get(m[1]) ?? NaN);
      else if (m[2] !== undefined || m[3] !== undefined) {
        const hexes = m[2] !== undefined ? [m[2]] : [...m[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]);
        const code = new RegExp(`.{${font.width}}`, 'g');
        for (const h of hexes) for (const g of h.match(code) ?? []) out += font.map.get(parseInt(g, 16)) ?? '';
      } else if (m[4] && depth < 8) {
        const form = objects.get(forms.get(m[4]) ?? NaN);
        if (form?.stream) out += ' ' + draw(form.stream, entry(form.dict, 'Resources') || resources, depth + 1);
      } else out += ' ';
    }
    return out;
  };
  const pageIds = [...objects.entries()].filter(([, o]) => /\/Type\s*\/Page(?![a-zA-Z])/.test(o.dict)).map(([id]) => id);
  // Page order: the page tree's kids, in order (one level, as Chromium writes it).
  const kids = [...objects.values()].map((o) => /\/Type\s*\/Pages[\s\S]*?\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1]).find(Boolean);
  const order = kids ? [...kids.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1])).filter((id) => pageIds.includes(id)) : pageIds;
  return (order.length === pageIds.length ? order : pageIds).map((id) => {
    const page = objects.get(id)!.dict;
    const resources = entry(page, 'Resources');
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
    return [...contents.matchAll(/(\d+) 0 R/g)]
      .map((m) => draw(objects.get(Number(m[1]))?.stream ?? '', resources, 0))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  });
}
