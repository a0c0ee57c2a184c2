//! A minimal old-Excel (.xls, BIFF8) writer for the corpus and the tests:
//! nothing writes .xls in Rust, and offices still save them. Text cells as
//! `Label` records (UTF-16), numbers and dates as `Number` records (a date
//! with the built-in date format), merged ranges, hidden columns and sheets, and a
//! `FilePass` record for a password-protected workbook; the stream goes
//! into a compound file made with the `cfb` crate.

#![allow(dead_code)]

use std::io::{Cursor, Write};

pub enum XlsCell {
    Text(String),
    Number(f64),
    /// A serial date (1900 system), shown with Excel's date format.
    Date(f64),
}

pub struct XlsSheet {
    pub name: String,
    pub hidden: bool,
    /// (row, column, value), 0-based.
    pub cells: Vec<(u16, u16, XlsCell)>,
    /// (first row, last row, first column, last column).
    pub merged: Vec<(u16, u16, u16, u16)>,
    /// Columns hidden (`ColInfo` records).
    pub hidden_columns: Vec<u16>,
}

fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    out.extend_from_slice(&typ.to_le_bytes());
    out.extend_from_slice(&(data.len() as u16).to_le_bytes());
    out.extend_from_slice(data);
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

fn bof(kind: u16) -> Vec<u8> {
    let mut d = Vec::new();
    d.extend_from_slice(&0x0600u16.to_le_bytes());
    d.extend_from_slice(&kind.to_le_bytes());
    d.extend_from_slice(&0x0DBBu16.to_le_bytes());
    d.extend_from_slice(&0x07CCu16.to_le_bytes());
    d.extend_from_slice(&0u32.to_le_bytes());
    d.extend_from_slice(&0x06u32.to_le_bytes());
    d
}

fn xf(format: u16) -> Vec<u8> {
    let mut d = vec![0u8; 20];
    d[2..4].copy_from_slice(&format.to_le_bytes());
    d
}

/// The `Workbook` stream of `sheets`.
pub fn workbook_stream(sheets: &[XlsSheet], password: bool) -> Vec<u8> {
    let mut globals = Vec::new();
    record(&mut globals, 0x0809, &bof(0x0005));
    if password {
        // FilePass, RC4: only its type matters to a reader that stops there.
        let mut d = vec![0u8; 54];
        d[0] = 1;
        record(&mut globals, 0x002F, &d);
    }
    record(&mut globals, 0x0042, &1200u16.to_le_bytes());
    record(&mut globals, 0x00E0, &xf(0));
    // XF 1: the built-in date format 14 (yyyy/m/d in a Chinese Excel).
    record(&mut globals, 0x00E0, &xf(14));
    let mut bound_at = Vec::new();
    for s in sheets {
        let mut d = vec![0, 0, 0, 0, u8::from(s.hidden), 0];
        d.push(s.name.encode_utf16().count() as u8);
        d.push(1);
        d.extend(utf16(&s.name));
        bound_at.push(globals.len() + 4);
        record(&mut globals, 0x0085, &d);
    }
    record(&mut globals, 0x000A, &[]);

    let mut stream = globals;
    for (i, s) in sheets.iter().enumerate() {
        let at = stream.len() as u32;
        stream[bound_at[i]..bound_at[i] + 4].copy_from_slice(&at.to_le_bytes());
        record(&mut stream, 0x0809, &bof(0x0010));
        for c in &s.hidden_columns {
            // ColInfo: first, last, width, XF, options (fHidden), reserved.
            let mut d = Vec::new();
            for v in [*c, *c, 0u16, 0, 1, 0] {
                d.extend_from_slice(&v.to_le_bytes());
            }
            record(&mut stream, 0x007D, &d);
        }
        let rows = s.cells.iter().map(|c| c.0 as u32 + 1).max().unwrap_or(0);
        let cols = s.cells.iter().map(|c| c.1 + 1).max().unwrap_or(0);
        let mut dim = Vec::new();
        dim.extend_from_slice(&0u32.to_le_bytes());
        dim.extend_from_slice(&rows.to_le_bytes());
        dim.extend_from_slice(&0u16.to_le_bytes());
        dim.extend_from_slice(&cols.to_le_bytes());
        dim.extend_from_slice(&0u16.to_le_bytes());
        record(&mut stream, 0x0200, &dim);
        for (r, c, v) in &s.cells {
            let mut d = Vec::new();
            d.extend_from_slice(&r.to_le_bytes());
            d.extend_from_slice(&c.to_le_bytes());
            match v {
                XlsCell::Text(t) => {
                    d.extend_from_slice(&0u16.to_le_bytes());
                    d.extend_from_slice(&(t.encode_utf16().count() as u16).to_le_bytes());
                    d.push(1);
                    d.extend(utf16(t));
                    record(&mut stream, 0x0204, &d);
                }
                XlsCell::Number(n) | XlsCell::Date(n) => {
                    let format: u16 = if matches!(v, XlsCell::Date(_)) { 1 } else { 0 };
                    d.extend_from_slice(&format.to_le_bytes());
                    d.extend_from_slice(&n.to_le_bytes());
                    record(&mut stream, 0x0203, &d);
                }
            }
        }
        if !s.merged.is_empty() {
            let mut d = (s.merged.len() as u16).to_le_bytes().to_vec();
            for (r0, r1, c0, c1) in &s.merged {
                for v in [r0, r1, c0, c1] {
                    d.extend_from_slice(&v.to_le_bytes());
                }
            }
            record(&mut stream, 0x00E5, &d);
        }
        record(&mut stream, 0x000A, &[]);
    }
    stream
}

/// A compound file holding the named streams.
pub fn compound(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("a new compound file");
    for (name, bytes) in streams {
        let mut s = file.create_stream(format!("/{name}")).expect("a new stream");
        s.write_all(bytes).expect("written");
    }
    file.flush().expect("flushed");
    file.into_inner().into_inner()
}

/// An .xls file of `sheets`.
pub fn xls(sheets: &[XlsSheet], password: bool) -> Vec<u8> {
    compound(&[("Workbook", &workbook_stream(sheets, password))])
}
