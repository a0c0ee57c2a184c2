//! A look through an old Excel workbook's records (BIFF, the `Workbook`
//! stream of an .xls) before calamine parses it. calamine builds every
//! sheet in full as it opens the file, sized by what the records claim, and
//! takes some records' lengths on trust; this walk refuses what would make
//! it allocate without bound or index past a record: a sheet larger than
//! the limits (named), a sheet that starts outside the stream, records too
//! short for their fields, and a password (`FilePass`). On the way it
//! notes each sheet's hidden columns (`ColInfo`), which calamine does not
//! read.

use crate::{Refusal, MAX_COLUMNS, MAX_ROWS};

/// calamine reserves room for every cell the `Dimensions` record claims
/// (about 40 bytes each): above this many, the sheet is refused before it
/// is read, whatever its cells.
const MAX_CLAIMED_CELLS: u64 = 4 * MAX_ROWS as u64 * MAX_COLUMNS as u64;

struct Record<'a> {
    typ: u16,
    data: &'a [u8],
}

/// The records from `at`, until the stream ends or a record overruns it.
fn records(stream: &[u8], at: usize) -> impl Iterator<Item = Result<Record<'_>, Refusal>> {
    let mut at = at;
    std::iter::from_fn(move || {
        if at >= stream.len() {
            return None;
        }
        let head = stream.get(at..at + 4);
        let Some(head) = head else {
            at = stream.len();
            return Some(Err(damaged("a record's header runs past the end")));
        };
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = u16::from_le_bytes([head[2], head[3]]) as usize;
        let Some(data) = stream.get(at + 4..at + 4 + len) else {
            at = stream.len();
            return Some(Err(damaged("a record runs past the end")));
        };
        at += 4 + len;
        Some(Ok(Record { typ, data }))
    })
}

fn damaged(what: &str) -> Refusal {
    Refusal::Unreadable { detail: format!("xls: {what}") }
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2).map_or(0, |s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

/// A sheet's name as its `BoundSheet8` record writes it (for a refusal's
/// wording only: Latin-1 or UTF-16).
fn sheet_name(data: &[u8], biff8: bool) -> String {
    let cch = data.get(6).copied().unwrap_or(0) as usize;
    if !biff8 {
        return data.iter().skip(7).take(cch).map(|b| *b as char).collect();
    }
    let high = data.get(7).is_some_and(|f| f & 1 == 1);
    if high {
        let units: Vec<u16> = (0..cch).map(|i| u16_at(data, 8 + 2 * i)).collect();
        String::from_utf16_lossy(&units)
    } else {
        data.iter().skip(8).take(cch).map(|b| *b as char).collect()
    }
}

/// The shortest each record calamine reads without checking can be.
fn too_short(r: &Record) -> bool {
    let need = match r.typ {
        0x0809 => 4,  // BOF
        0x002F => 2,  // FilePass
        0x0042 => 2,  // CodePage
        0x0022 => 2,  // DateMode
        0x0017 => 2,  // ExternSheet
        0x0085 => 8,  // BoundSheet8
        0x0018 => 15, // Lbl
        0x00BD => 6,  // MulRk
        0x00E5 => 2,  // MergeCells
        _ => 0,
    };
    if r.data.len() < need {
        return true;
    }
    match r.typ {
        // Lbl: the formula's length must fit after the name.
        0x0018 => (u16_at(r.data, 4) as usize) + 14 > r.data.len(),
        // MulRk: a first and last column in order.
        0x00BD => u16_at(r.data, r.data.len() - 2) < u16_at(r.data, 2),
        // MergeCells: as many ranges as it counts.
        0x00E5 => 2 + 8 * u16_at(r.data, 0) as usize > r.data.len(),
        _ => false,
    }
}

/// Walk the workbook stream: refuse what calamine could not read safely or
/// what is beyond the limits; else each sheet's hidden columns, in the
/// workbook's order of sheets (calamine's too).
pub fn check(stream: &[u8]) -> Result<Vec<Vec<usize>>, Refusal> {
    let mut sheets: Vec<(usize, String)> = Vec::new();
    let mut hidden_columns = Vec::new();
    let mut biff8 = true;
    for r in records(stream, 0) {
        let r = r?;
        if too_short(&r) {
            return Err(damaged("a record is too short"));
        }
        match r.typ {
            0x0809 => biff8 = u16_at(r.data, 0) == 0x0600 || u16_at(r.data, 0) == 0,
            0x002F if u16_at(r.data, 0) != 0 => return Err(Refusal::Password),
            0x0085 => {
                let at = u32_at(r.data, 0) as usize;
                if at >= stream.len() {
                    return Err(damaged("a sheet starts past the end"));
                }
                sheets.push((at, sheet_name(r.data, biff8)));
            }
            0x000A => break,
            _ => {}
        }
    }
    for (at, name) in sheets {
        let mut hidden = Vec::new();
        let (mut rows, mut cols) = (0u64, 0u64);
        let mut depth = 0usize;
        let mut seen_bof = false;
        for r in records(stream, at) {
            let r = r?;
            if too_short(&r) {
                return Err(damaged("a record is too short"));
            }
            // Charts and other nested parts carry records of their own.
            match r.typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                0x000A if depth == 0 => break,
                0x000A => depth -= 1,
                _ => {}
            }
            if depth > 0 {
                continue;
            }
            let (row, col) = (u16_at(r.data, 0) as u64, u16_at(r.data, 2) as u64);
            match r.typ {
                // Dimensions: what calamine reserves room for.
                0x0200 if r.data.len() >= 14 => {
                    let (first, last) = (u32_at(r.data, 0) as u64, u32_at(r.data, 4) as u64);
                    let (c0, c1) = (u16_at(r.data, 8) as u64, u16_at(r.data, 10) as u64);
                    if last > 0 && first >= last {
                        return Err(damaged("a sheet's dimensions are reversed"));
                    }
                    if last.saturating_sub(first) * c1.saturating_sub(c0).max(1) > MAX_CLAIMED_CELLS {
                        return Err(Refusal::TooManyRows { sheet: name, limit: MAX_ROWS as u64, found: last });
                    }
                }
                0x0200 if r.data.len() >= 8 => {
                    let (first, last) = (u16_at(r.data, 0), u16_at(r.data, 2));
                    if last > 0 && first >= last {
                        return Err(damaged("a sheet's dimensions are reversed"));
                    }
                }
                // Cells with a value: Number, Label, RString, BoolErr, RK, LabelSst, Formula.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    rows = rows.max(row + 1);
                    cols = cols.max(col + 1);
                }
                0x00BD => {
                    rows = rows.max(row + 1);
                    cols = cols.max(u16_at(r.data, r.data.len() - 2) as u64 + 1);
                }
                // ColInfo: first and last column, and fHidden.
                0x007D if r.data.len() >= 10 && u16_at(r.data, 8) & 1 == 1 => {
                    let (first, last) = (u16_at(r.data, 0) as usize, (u16_at(r.data, 2) as usize).min(MAX_COLUMNS - 1));
                    hidden.extend(first..=last);
                }
                _ => {}
            }
        }
        if rows > MAX_ROWS as u64 {
            return Err(Refusal::TooManyRows { sheet: name, limit: MAX_ROWS as u64, found: rows });
        }
        if cols > MAX_COLUMNS as u64 {
            return Err(Refusal::TooManyColumns { sheet: name, limit: MAX_COLUMNS as u64, found: cols });
        }
        hidden_columns.push(hidden);
    }
    Ok(hidden_columns)
}
