// The app's compact stored form, decoded in plain JavaScript.
//
//   gongjian-lz4:<revision>:<byteLength>:<chars>
//
// <chars> packs <byteLength> bytes at 15 bits per UTF-16 code unit (each
// char is 0x0800 + v, v < 32768), most significant bit first, the last char
// zero-padded. The bytes are one LZ4 block with its uncompressed size in
// front as a little-endian u32 (lz4_flex's compress_prepend_size). The
// decompressed bytes are the UTF-8 JSON envelope.
//
// Works as a browser script (globals `gongjianUnpack`, `lz4DecompressBlock`)
// and as a CommonJS module (for the node unit test).
(function (root) {
  'use strict';
  const PREFIX = 'gongjian-lz4:';
  const BASE = 0x0800;

  // 15-bit characters back to bytes.
  function unpackBytes(chars, count) {
    const out = new Uint8Array(count);
    let acc = 0, have = 0, n = 0;
    for (let i = 0; i < chars.length && n < count; i++) {
      const v = chars.charCodeAt(i) - BASE;
      if (v < 0 || v > 0x7fff) throw new Error(`char ${i + 1} (U+${chars.charCodeAt(i).toString(16)}) is not part of the packing`);
      acc = ((acc << 15) | v) & 0x3fffff; // at most 7 + 15 bits are ever pending
      have += 15;
      while (have >= 8 && n < count) {
        have -= 8;
        out[n++] = (acc >>> have) & 0xff;
      }
    }
    if (n !== count) throw new Error(`packed text holds ${n} bytes, its head says ${count}`);
    return out;
  }

  // One LZ4 block: tokens of (literal length, literals, offset, match length).
  function lz4DecompressBlock(src, start, size) {
    const dst = new Uint8Array(size);
    let s = start, d = 0;
    const end = src.length;
    while (s < end) {
      const token = src[s++];
      let lit = token >>> 4;
      if (lit === 15) { let b; do { b = src[s++]; lit += b; } while (b === 255); }
      dst.set(src.subarray(s, s + lit), d);
      s += lit; d += lit;
      if (s >= end) break; // the last sequence has literals only
      const offset = src[s] | (src[s + 1] << 8);
      s += 2;
      if (offset === 0 || offset > d) throw new Error(`bad match offset ${offset} at output ${d}`);
      let len = token & 15;
      if (len === 15) { let b; do { b = src[s++]; len += b; } while (b === 255); }
      len += 4;
      let from = d - offset;
      if (d + len > size) throw new Error('match runs past the declared size');
      if (offset >= len) { dst.copyWithin(d, from, from + len); d += len; }
      else { while (len-- > 0) dst[d++] = dst[from++]; } // overlapping copy
    }
    if (d !== size) throw new Error(`block gave ${d} bytes, its head says ${size}`);
    return dst;
  }

  // The size-prepended block (lz4_flex layout) to its bytes.
  function decompressSizePrepended(bytes) {
    const size = (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0;
    return lz4DecompressBlock(bytes, 4, size);
  }

  // A stored value (compact or plain JSON) to the envelope's JSON text.
  function gongjianUnpack(raw) {
    if (!raw.startsWith(PREFIX)) return raw;
    // The head: the save's revision, then the number of packed bytes.
    const head = /^gongjian-lz4:(\d+):(\d+):/.exec(raw);
    if (!head) throw new Error('compact head is not <revision>:<bytes>:');
    const bytes = unpackBytes(raw.slice(head[0].length), Number(head[2]));
    return new TextDecoder().decode(decompressSizePrepended(bytes));
  }

  // The stored table as one envelope {format, version: 1, saved_at,
  // revision, plan, me, base}: the whole plan in one value (JSON or the
  // compact form), or an index (version 2) and the parts it names, put
  // back together (src/storage/parts.rs). `get(key)` reads a key; null
  // when `key` is empty.
  const LISTS = ['actions', 'tasks', 'reports', 'meetings', 'problems', 'risks', 'exemptions', 'rulings', 'instructions', 'trail'];
  function gongjianRead(get, key) {
    const raw = get(key || 'gongjian.plan');
    if (raw === undefined || raw === null) return null;
    const env = JSON.parse(gongjianUnpack(raw));
    if (env.plan !== undefined) return env;
    const part = (name, rev) => {
      const v = get(`gongjian.part.${name}@${rev}`);
      if (v === undefined || v === null) throw new Error(`part ${name}@${rev} of ${key} is missing`);
      return JSON.parse(gongjianUnpack(v));
    };
    const plan = part('head', env.head);
    for (const l of LISTS) plan[l] = new Array((env.lens && env.lens[l]) || 0);
    for (const p of env.parts) {
      if (!p) continue;
      const r = part(p[0], p[1]);
      for (const l of LISTS) ((r.at && r.at[l]) || []).forEach((i, j) => (plan[l][i] = r[l][j]));
    }
    const out = { format: env.format, version: 1, saved_at: env.saved_at, revision: env.revision, plan };
    if (env.me) out.me = env.me;
    if (env.base) out.base = part('base', env.base);
    return out;
  }

  const api = { gongjianUnpack, gongjianRead, lz4DecompressBlock, decompressSizePrepended, unpackBytes };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else Object.assign(root, api);
})(typeof globalThis !== 'undefined' ? globalThis : this);
