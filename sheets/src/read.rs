//! Workbooks through calamine into a [`Book`]: each sheet's values, its
//! merged ranges and hidden columns, whether it is hidden, and the date
//! system. .xlsx and .xlsb sheets are read cell by cell as their XML or
//! records stream (calamine would size a grid by the farthest cell first),
//! so a sheet beyond the limits is refused without being held.

use crate::book::{serial_of_iso, Book, DateSystem, Got, Grid, Span, FROM_1904};
use crate::ole::Ole;
use crate::zipped::{self, Kind};
use crate::{biff, Refusal, MAX_COLUMNS, MAX_ROWS};
use calamine::{Data, DataRef, Dimensions, Ods, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx};
use std::collections::HashMap;
use std::io::Cursor;

/// One sheet's cells as read, before they become a grid.
struct Cells {
    name: String,
    hidden: bool,
    /// (row, column, value), values only.
    cells: Vec<(u32, u32, Got)>,
    /// The farthest row and column (1-based counts) with a value, even
    /// past the limits.
    rows: u64,
    cols: u64,
}

impl Cells {
    fn new(name: &str, hidden: bool) -> Cells {
        Cells { name: name.to_string(), hidden, cells: Vec::new(), rows: 0, cols: 0 }
    }

    /// Keep a cell that has a value; past the limits only its place counts.
    fn push(&mut self, row: u32, col: u32, got: Got) {
        if got.is_empty() {
            return;
        }
        self.rows = self.rows.max(row as u64 + 1);
        self.cols = self.cols.max(col as u64 + 1);
        if (row as usize) < MAX_ROWS && (col as usize) < MAX_COLUMNS {
            self.cells.push((row, col, got));
        }
    }

    fn within_limits(&self) -> Result<(), Refusal> {
        if self.rows > MAX_ROWS as u64 {
            return Err(Refusal::TooManyRows { sheet: self.name.clone(), limit: MAX_ROWS as u64, found: self.rows });
        }
        if self.cols > MAX_COLUMNS as u64 {
            return Err(Refusal::TooManyColumns { sheet: self.name.clone(), limit: MAX_COLUMNS as u64, found: self.cols });
        }
        Ok(())
    }

    /// The grid: rows from the sheet's first, each to its last value;
    /// merged ranges and hidden columns within the cells' extent.
    fn into_grid(self, merged: &[Dimensions], hidden_columns: &[usize]) -> Result<Grid, Refusal> {
        self.within_limits()?;
        let (height, width) = (self.rows as usize, self.cols as usize);
        let mut rows: Vec<Vec<Got>> = vec![Vec::new(); height];
        for (r, c, got) in self.cells {
            let row = &mut rows[r as usize];
            if row.len() <= c as usize {
                row.resize(c as usize + 1, Got::Empty);
            }
            row[c as usize] = got;
        }
        let merged = merged
            .iter()
            .filter(|d| (d.start.0 as usize) < height && (d.start.1 as usize) < width && d.start.0 <= d.end.0 && d.start.1 <= d.end.1)
            .map(|d| Span {
                rows: (d.start.0 as usize, (d.end.0 as usize).min(height - 1)),
                cols: (d.start.1 as usize, (d.end.1 as usize).min(width - 1)),
            })
            .filter(|s| s.rows.0 < s.rows.1 || s.cols.0 < s.cols.1)
            .collect();
        let hidden_columns = hidden_columns.iter().copied().filter(|c| *c < width).collect();
        Ok(Grid { name: self.name, rows, merged, hidden_columns, hidden: self.hidden })
    }
}

/// A cell's value as the book carries it: a date as its serial in the 1900
/// system (a 1904 workbook's moved by 1462 days), a duration as a number, an
/// OpenDocument date as the serial of its day; NaN and the infinities,
/// which JSON cannot carry, as Excel's `#NUM!`.
fn got(d: Data, from1904: bool) -> Got {
    let number = |n: f64| if n.is_finite() { Got::Number(n) } else { Got::Error("#NUM!".into()) };
    match d {
        Data::Empty => Got::Empty,
        Data::String(s) => Got::Text(s),
        Data::Int(i) => Got::Number(i as f64),
        Data::Float(f) => number(f),
        Data::Bool(b) => Got::Bool(b),
        Data::Error(e) => Got::Error(e.to_string()),
        Data::DateTime(dt) if dt.is_duration() => number(dt.as_f64()),
        Data::DateTime(dt) => {
            let serial = dt.as_f64() + if from1904 { FROM_1904 } else { 0.0 };
            if serial.is_finite() {
                Got::Date(serial)
            } else {
                Got::Error("#NUM!".into())
            }
        }
        Data::DateTimeIso(s) => serial_of_iso(&s).map(Got::Date).unwrap_or(Got::Text(s)),
        Data::DurationIso(s) => Got::Text(s),
    }
}

fn hidden(v: SheetVisible) -> bool {
    !matches!(v, SheetVisible::Visible)
}

fn unreadable(e: impl std::fmt::Display) -> Refusal {
    Refusal::Unreadable { detail: e.to_string() }
}

/// An OLE compound file: an old Excel workbook (`Workbook` stream), a
/// password-protected new one (`EncryptedPackage`), or something else.
pub fn ole(bytes: &[u8]) -> Result<Book, Refusal> {
    let file = Ole::parse(bytes).map_err(|_| unreadable("ole: damaged compound file"))?;
    if file.has_stream("EncryptedPackage") || file.has_stream("EncryptionInfo") {
        return Err(Refusal::Password);
    }
    let stream = file.stream("Workbook").or_else(|_| file.stream("Book"));
    let Ok(stream) = stream else {
        let document = file.has_stream("WordDocument") || file.has_stream("PowerPoint Document");
        if document || !file.has_stream("Workbook") && !file.has_stream("Book") {
            return Err(Refusal::NotASpreadsheet { detail: document.then_some("document") });
        }
        return Err(unreadable("ole: the workbook stream is damaged"));
    };
    let hidden_columns = biff::check(&stream)?;
    let mut xls: Xls<_> = match calamine::open_workbook_from_rs(Cursor::new(bytes)) {
        Ok(x) => x,
        Err(calamine::XlsError::Password) => return Err(Refusal::Password),
        Err(e) => return Err(unreadable(e)),
    };
    let from1904 = xls.has_1904_epoch();
    let mut book = Book { dates: if from1904 { DateSystem::From1904 } else { DateSystem::From1900 }, sheets: Vec::new() };
    for (i, meta) in xls.sheets_metadata().to_vec().into_iter().enumerate() {
        if meta.typ != SheetType::WorkSheet {
            continue;
        }
        let range = xls.worksheet_range(&meta.name).map_err(unreadable)?;
        let merged = xls.merge_cells_by_sheet_name(&meta.name).unwrap_or_default();
        let hidden_columns = hidden_columns.get(i).map(Vec::as_slice).unwrap_or_default();
        book.sheets.push(from_range(&meta.name, hidden(meta.visible), range, from1904)?.into_grid(&merged, hidden_columns)?);
    }
    Ok(book)
}

/// A sheet calamine holds as a whole (.xls, .ods), its cells placed from
/// the range's first.
fn from_range(name: &str, hidden: bool, range: calamine::Range<Data>, from1904: bool) -> Result<Cells, Refusal> {
    let mut cells = Cells::new(name, hidden);
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, v) in range.used_cells() {
        cells.push(r0 + r as u32, c0 + c as u32, got(v.clone(), from1904));
    }
    Ok(cells)
}

/// A zip-based workbook: .xlsx, .xlsb or .ods, after its sizes are checked.
pub fn zipped(bytes: &[u8]) -> Result<Book, Refusal> {
    let mut zip = zipped::open(bytes)?;
    zipped::check_sizes(&zip)?;
    match zipped::kind(&mut zip) {
        Kind::Xlsx => {
            let hidden_columns = zipped::hidden_columns(&mut zip);
            xlsx(bytes, &hidden_columns)
        }
        Kind::Xlsb => xlsb(bytes),
        Kind::Ods => ods(bytes),
        Kind::Other(detail) => Err(Refusal::NotASpreadsheet { detail }),
    }
}

fn xlsx(bytes: &[u8], hidden_columns: &HashMap<String, Vec<usize>>) -> Result<Book, Refusal> {
    let mut xlsx: Xlsx<_> = match calamine::open_workbook_from_rs(Cursor::new(bytes)) {
        Ok(x) => x,
        Err(calamine::XlsxError::Password) => return Err(Refusal::Password),
        Err(e) => return Err(unreadable(e)),
    };
    let from1904 = xlsx.has_1904_epoch();
    let mut book = Book { dates: if from1904 { DateSystem::From1904 } else { DateSystem::From1900 }, sheets: Vec::new() };
    for meta in xlsx.sheets_metadata().to_vec() {
        if meta.typ != SheetType::WorkSheet {
            continue;
        }
        let mut cells = Cells::new(&meta.name, hidden(meta.visible));
        {
            let mut reader = xlsx.worksheet_cells_reader(&meta.name).map_err(unreadable)?;
            while let Some(cell) = reader.next_cell().map_err(unreadable)? {
                let (r, c) = cell.get_position();
                cells.push(r, c, got(Data::from(cell.get_value().clone()), from1904));
            }
        }
        cells.within_limits()?;
        let merged = xlsx.merge_cells_by_sheet_name(&meta.name).map_err(unreadable)?;
        let hidden = hidden_columns.get(&meta.name).map(Vec::as_slice).unwrap_or_default();
        book.sheets.push(cells.into_grid(&merged, hidden)?);
    }
    Ok(book)
}

fn xlsb(bytes: &[u8]) -> Result<Book, Refusal> {
    let mut xlsb: Xlsb<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let from1904 = xlsb.has_1904_epoch();
    let mut book = Book { dates: if from1904 { DateSystem::From1904 } else { DateSystem::From1900 }, sheets: Vec::new() };
    for meta in xlsb.sheets_metadata().to_vec() {
        if meta.typ != SheetType::WorkSheet {
            continue;
        }
        let mut cells = Cells::new(&meta.name, hidden(meta.visible));
        {
            let mut reader = xlsb.worksheet_cells_reader(&meta.name).map_err(unreadable)?;
            while let Some(cell) = reader.next_cell().map_err(unreadable)? {
                let (r, c) = cell.get_position();
                let value: DataRef = cell.get_value().clone();
                cells.push(r, c, got(Data::from(value), from1904));
            }
        }
        book.sheets.push(cells.into_grid(&[], &[])?);
    }
    Ok(book)
}

fn ods(bytes: &[u8]) -> Result<Book, Refusal> {
    let mut ods: Ods<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let mut book = Book::default();
    for meta in ods.sheets_metadata().to_vec() {
        let range = ods.worksheet_range(&meta.name).map_err(unreadable)?;
        book.sheets.push(from_range(&meta.name, hidden(meta.visible), range, false)?.into_grid(&[], &[])?);
    }
    Ok(book)
}
