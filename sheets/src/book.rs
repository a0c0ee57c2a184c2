//! The workbook as the page receives it: the same serde shape as
//! `gongjian::domain::sheet_in::grid::Book` (a native test deserializes one
//! into the other), so the app reads it with its own types.

use serde::{Deserialize, Serialize};

/// One cell's value. A date cell's serial is in the 1900 system, whatever
/// the workbook's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Got {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    Date(f64),
    Bool(bool),
    Error(String),
}

impl Got {
    pub fn is_empty(&self) -> bool {
        match self {
            Got::Empty => true,
            Got::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A merged range, first and last row and column (0-based, inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub rows: (usize, usize),
    pub cols: (usize, usize),
}

/// One sheet: rows from the sheet's first row (so `F14` is row 13, column
/// 5), each without its trailing empty cells.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<Got>>,
    #[serde(default)]
    pub merged: Vec<Span>,
    #[serde(default)]
    pub hidden_columns: Vec<usize>,
    #[serde(default)]
    pub hidden: bool,
}

impl Grid {
    pub fn cell(&self, row: usize, col: usize) -> &Got {
        static EMPTY: Got = Got::Empty;
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&EMPTY)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// How the workbook counts serial dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSystem {
    #[default]
    From1900,
    From1904,
}

/// The sheets in the workbook's order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Book {
    pub sheets: Vec<Grid>,
    #[serde(default)]
    pub dates: DateSystem,
}

/// Days from 1 January 1904 to 1 January 1900 in Excel's count (its 1900
/// system has a 29 February 1900 that never was).
pub const FROM_1904: f64 = 1462.0;

/// The serial number (1900 system) of a day, for dates written as text in
/// ISO form (OpenDocument's `2023-06-30`); none for a day before 1 March
/// 1900 or a text that is not a day.
pub fn serial_of_iso(iso: &str) -> Option<f64> {
    let day = iso.split(['T', ' ']).next()?;
    let mut parts = day.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1900..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if d > month_days[(m - 1) as usize] {
        return None;
    }
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil), then
    // Excel's 1900 serial: 25569 is 1970-01-01.
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let serial = days + 25_569;
    (serial > 60).then_some(serial as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_days_are_excel_serials() {
        assert_eq!(serial_of_iso("2023-12-31"), Some(45291.0));
        assert_eq!(serial_of_iso("2023-06-30T00:00:00"), Some(45107.0));
        assert_eq!(serial_of_iso("1900-03-01"), Some(61.0));
        assert_eq!(serial_of_iso("2024-02-29"), Some(45351.0));
        assert_eq!(serial_of_iso("2023-02-29"), None);
        assert_eq!(serial_of_iso("1900-02-28"), None);
        assert_eq!(serial_of_iso("上半年"), None);
    }
}
