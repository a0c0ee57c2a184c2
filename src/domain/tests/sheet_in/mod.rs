//! Reading a responsibility table from a spreadsheet's cells: deadlines
//! (`when`), the table in a sheet (`table`), and the plan it makes (`into`).

mod into;
mod table;
mod when;

use crate::domain::sheet_in::grid::{Book, Got, Grid};

pub(super) fn t(s: &str) -> Got {
    if s.is_empty() {
        Got::Empty
    } else {
        Got::Text(s.into())
    }
}

pub(super) fn grid(name: &str, rows: &[&[&str]]) -> Grid {
    Grid { name: name.into(), rows: rows.iter().map(|r| r.iter().map(|c| t(c)).collect()).collect(), ..Grid::default() }
}

pub(super) fn book(g: Grid) -> Book {
    Book { sheets: vec![g], ..Book::default() }
}
