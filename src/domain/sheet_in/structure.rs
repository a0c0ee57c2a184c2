//! A table's rows as key actions and their tasks: an action column merged
//! down over its tasks (a blank means the same as above), or action rows
//! between task rows told apart by their numbering (一、 over 1.1), title
//! rows above the header and notes under the table left out.

use super::columns::{find_header, fold, Column, Header};
use super::grid::{place, Book, Got, Grid};
use super::names::{leaders, roles, split_units};
use super::when::{number_day, read_when, When};
use chrono::NaiveDate;

/// How deep a number sits: 一、 over （一） over 1. over 1.1 over （1）.
pub fn numbering(s: &str) -> Option<(u8, String, &str)> {
    let t = s.trim_start();
    let zh = |c: char| "一二三四五六七八九十".contains(c);
    // 一、 一. 一是
    let head: String = t.chars().take_while(|c| zh(*c)).collect();
    if !head.is_empty() {
        let rest = &t[head.len()..];
        if let Some(r) = rest.strip_prefix('、').or_else(|| rest.strip_prefix('.')).or_else(|| rest.strip_prefix('．')) {
            return Some((0, format!("{head}、"), r));
        }
    }
    // （一） (一) （1） (1)
    for (open, close) in [('（', '）'), ('(', ')'), ('（', ')'), ('(', '）')] {
        if let Some(r) = t.strip_prefix(open) {
            if let Some(end) = r.find(close) {
                let inner = &r[..end];
                let after = &r[end + close.len_utf8()..];
                if !inner.is_empty() && inner.chars().all(zh) {
                    return Some((1, format!("（{inner}）"), after));
                }
                if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
                    return Some((5, format!("（{inner}）"), after));
                }
            }
        }
    }
    // 1  1.  1、  1.1  9.2.3  1）
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '．').collect();
    let parts: Vec<&str> = digits.split(['.', '．']).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) || parts.iter().any(|p| p.len() > 3) {
        return None;
    }
    let rest = &t[digits.len()..];
    let rest = rest.strip_prefix('、').or_else(|| rest.strip_prefix('）')).or_else(|| rest.strip_prefix(')')).unwrap_or(rest);
    let level = if parts.len() == 1 { 2 } else { 2 + parts.len() as u8 };
    Some((level, parts.join("."), rest))
}

/// A task as read from its row.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct TaskIn {
    /// The number the table gives it (`9.2`), if any.
    pub number: String,
    pub title: String,
    pub responsible: Vec<String>,
    pub co_organizers: Vec<String>,
    pub due: Option<NaiveDate>,
    pub person: Option<String>,
    pub target: Option<String>,
    pub progress: Option<String>,
    /// Its row (0-based).
    pub row: usize,
}

/// A key action as read, with its tasks in the table's order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ActionIn {
    pub number: String,
    pub title: String,
    /// Name and title.
    pub leaders: Vec<(String, String)>,
    pub leading_units: Vec<String>,
    pub tasks: Vec<TaskIn>,
    pub row: usize,
}

/// What the reader has to say about a cell or the table.
#[derive(Clone, Debug, PartialEq)]
pub enum Saying {
    /// A deadline it could not read.
    UnreadableDate(String),
    /// `长期坚持`: no deadline.
    Ongoing(String),
    /// Several days in one cell: the last was taken.
    SeveralDates(String, NaiveDate),
    /// A task row without a responsible unit.
    NoUnit,
    /// A row with no task text (left out).
    NoTask,
    /// A hidden column (read like the others).
    HiddenColumn(String),
    /// A note under or beside the table (left out).
    Note(String),
    /// The sheet has no row that reads as a header.
    NoHeader,
    /// No column of tasks.
    NoTaskColumn,
    /// A formula's error in a cell.
    CellError(String),
    /// Rows with no key action above them go under one named after the file.
    NoAction,
}

/// A saying and where: a cell (`任务清单!F14`), a row, or the sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Said {
    pub place: String,
    pub what: Saying,
    /// Something the person must look at (a refusal of that cell), not
    /// only a remark.
    pub problem: bool,
}

/// A table as read from one sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// Which sheet of the book (its place in the book).
    pub sheet: usize,
    pub sheet_name: String,
    pub header: Option<Header>,
    /// The title row above the header, when there is one.
    pub title: Option<String>,
    /// The year the title names (`2023年…`).
    pub year: Option<i32>,
    pub actions: Vec<ActionIn>,
    pub said: Vec<Said>,
}

impl Reading {
    pub fn tasks(&self) -> usize {
        self.actions.iter().map(|a| a.tasks.len()).sum()
    }
}

/// A year a title names: the first four-digit number from 2000 to 2099
/// before 年 (`2023年重点工作责任分工表`).
pub fn year_in(title: &str) -> Option<i32> {
    let c: Vec<char> = title.chars().collect();
    (0..c.len().saturating_sub(4)).find_map(|i| {
        let four: String = c[i..i + 4].iter().collect();
        let y = four.parse::<i32>().ok().filter(|y| (2000..2100).contains(y))?;
        (c.get(i + 4) == Some(&'年') && (i == 0 || !c[i - 1].is_ascii_digit())).then_some(y)
    })
}

/// The sheet that holds the table: the first visible one whose header
/// names the most columns (explanation sheets name none).
pub fn pick_sheet(book: &Book, year: i32) -> Option<usize> {
    let score = |g: &Grid| find_header(&g.unmerged(), year).map_or(0, |h| h.score());
    (0..book.sheets.len())
        .filter(|i| !book.sheets[*i].hidden)
        .max_by_key(|i| (score(&book.sheets[*i]), usize::MAX - i))
        .filter(|i| score(&book.sheets[*i]) >= 2)
}

/// Read sheet `sheet` of `book`; `year` is the plan's, for deadlines that
/// leave it out (a title's year wins). `columns` replaces what the header
/// says, column by column, when the person changed the mapping.
pub fn read(book: &Book, sheet: usize, year: i32, columns: Option<&[Option<Column>]>) -> Reading {
    let raw = book.sheets.get(sheet).cloned().unwrap_or_default();
    let g = raw.unmerged();
    let name = raw.name.clone();
    let mut said = Vec::new();
    let found = find_header(&g, year);
    // No header the reader knows: the person says what each column is; a
    // first row of short labels (`内容`, `单位`, `日期`) is still a header,
    // else every row is data.
    let mut header = found.clone().unwrap_or_else(|| {
        let first = (0..g.rows.len()).find(|r| (0..g.width()).any(|c| !g.cell(*r, c).is_empty())).unwrap_or(0);
        let cells: Vec<String> = (0..g.width()).map(|c| g.cell(first, c).text()).collect();
        let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        let labels = filled.len() >= 2
            && filled.iter().all(|c| c.chars().count() <= 8 && c.parse::<f64>().is_err() && read_when(c, year).day().is_none());
        let columns = cells.into_iter().map(|t| (if labels { t } else { String::new() }, None)).collect();
        Header { first, rows: usize::from(labels), columns }
    });
    if let Some(cols) = columns {
        for (i, c) in cols.iter().enumerate() {
            if let Some(slot) = header.columns.get_mut(i) {
                slot.1 = *c;
            }
        }
    }
    let title = (0..header.first).map(|r| (0..g.width()).map(|c| g.cell(r, c).text()).find(|t| !t.is_empty())).find_map(|t| t);
    let year_of_title = title.as_deref().and_then(year_in);
    let year = year_of_title.unwrap_or(year);
    let mut reading =
        Reading { sheet, sheet_name: name.clone(), header: None, title, year: year_of_title, actions: Vec::new(), said: Vec::new() };
    if found.is_none() {
        let mapped = header.find(Column::Task).is_some();
        said.push(Said { place: name.clone(), what: Saying::NoHeader, problem: !mapped });
        if !mapped {
            reading.header = Some(header);
            reading.said = said;
            return reading;
        }
    }
    for c in &raw.hidden_columns {
        let h = header.columns.get(*c).map(|(t, _)| t.clone()).unwrap_or_default();
        said.push(Said { place: place(&name, header.first, *c), what: Saying::HiddenColumn(h), problem: false });
    }
    let col = |c: Column| header.find(c);
    let Some(task_col) = col(Column::Task).or(col(Column::Action).filter(|_| col(Column::Responsible).is_some())) else {
        said.push(Said { place: name.clone(), what: Saying::NoTaskColumn, problem: true });
        reading.header = Some(header);
        reading.said = said;
        return reading;
    };
    let action_col = col(Column::Action).filter(|a| *a != task_col);
    let text = |r: usize, c: Option<usize>| c.map(|c| g.cell(r, c).text()).unwrap_or_default();

    // Each data row: its number's level, or none.
    let first = header.data_from();
    let rows: Vec<usize> = (first..g.rows.len()).filter(|r| (0..g.width()).any(|c| !g.cell(*r, c).is_empty())).collect();
    let level_of = |r: usize| {
        let n = text(r, col(Column::Number));
        numbering(&n)
            .or_else(|| if action_col.is_none() { numbering(&text(r, Some(task_col))).map(|(l, n, _)| (l, n, "")) } else { None })
            .map(|(l, ..)| l)
    };
    let levels: Vec<u8> = rows.iter().filter_map(|r| level_of(*r)).collect();
    let top = levels.iter().min().copied();
    let layered = top.is_some_and(|t| levels.iter().any(|l| *l > t));

    let mut current: Option<ActionIn> = None;
    let mut last_action_title = String::new();
    let mut ended = false;
    for &r in &rows {
        let cells: Vec<String> = (0..g.width()).map(|c| g.cell(r, c).text()).collect();
        let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
        let first_text = filled.first().map(|s| s.as_str()).unwrap_or("");
        // A note under the table, or a header repeated on a printed page.
        if is_note(first_text) && (filled.len() == 1 || filled.iter().all(|c| *c == filled[0]) || ended) {
            said.push(Said {
                place: place(&name, r, cells.iter().position(|c| !c.is_empty()).unwrap_or(0)),
                what: Saying::Note(first_text.to_string()),
                problem: false,
            });
            ended = true;
            continue;
        }
        if find_header(&Grid { rows: vec![g.rows[r].clone()], ..Grid::default() }, year).is_some_and(|h| h.score() >= 3) {
            continue;
        }
        for (c, v) in g.rows[r].iter().enumerate() {
            if let Got::Error(e) = v {
                said.push(Said { place: place(&name, r, c), what: Saying::CellError(e.clone()), problem: true });
            }
        }
        // One text across the whole row (merged): a heading, so an action.
        let heading = filled.len() >= 2 && filled.iter().all(|c| *c == filled[0]) && filled.len() * 2 >= g.width();
        let number = text(r, col(Column::Number));
        let task_text = text(r, Some(task_col));
        let is_action_row = if let Some(ac) = action_col {
            // Merged down, or left blank: the same action as above.
            let a = Some(text(r, Some(ac))).filter(|a| !a.is_empty()).unwrap_or_else(|| last_action_title.clone());
            if a != last_action_title || current.is_none() {
                let (n, t) = strip_number(if a.is_empty() { &task_text } else { &a });
                let n = if n.is_empty() { number_of(&number) } else { n };
                start_action(&mut reading.actions, &mut current, ActionIn { number: n, title: t, row: r, ..ActionIn::default() });
                last_action_title = a.clone();
            }
            // An action's own row: no task text, or the task cell repeats the action's.
            task_text.is_empty() || heading || task_text == a
        } else if heading {
            true
        } else if layered {
            level_of(r) == top
        } else {
            text(r, col(Column::Responsible)).is_empty()
                && (!text(r, col(Column::Leader)).is_empty() || !text(r, col(Column::LeadUnit)).is_empty())
        };
        if is_action_row && action_col.is_none() {
            let (n, t) = strip_number(&task_text);
            let n = if n.is_empty() { number_of(&number) } else { n };
            start_action(&mut reading.actions, &mut current, ActionIn { number: n, title: t, row: r, ..ActionIn::default() });
        }
        let action = current.get_or_insert_with(|| {
            said.push(Said { place: place(&name, r, task_col), what: Saying::NoAction, problem: false });
            ActionIn { title: String::new(), row: r, ..ActionIn::default() }
        });
        // Leaders and leading units: on the action's row, or on its tasks'
        // rows (merged down, or repeated); the first that says carries.
        if action.leaders.is_empty() {
            action.leaders = leaders(&text(r, col(Column::Leader)));
        }
        if action.leading_units.is_empty() {
            action.leading_units = split_units(&text(r, col(Column::LeadUnit)));
        }
        if is_action_row {
            continue;
        }
        if task_text.is_empty() {
            said.push(Said { place: place(&name, r, task_col), what: Saying::NoTask, problem: false });
            continue;
        }
        let (n, title) = strip_number(&task_text);
        let mut t = TaskIn { number: if n.is_empty() { number_of(&number) } else { n }, title, row: r, ..TaskIn::default() };
        let (lead, help) = roles(&text(r, col(Column::Responsible)));
        let (responsible, person) = person_after(lead);
        t.responsible = responsible;
        t.person = person.or_else(|| Some(text(r, col(Column::Person))).filter(|p| !p.is_empty()));
        t.co_organizers = help;
        for u in split_units(&text(r, col(Column::CoOrganizers))) {
            if !t.co_organizers.iter().chain(&t.responsible).any(|x| fold(x) == fold(&u)) {
                t.co_organizers.push(u);
            }
        }
        if t.responsible.is_empty() {
            let c = col(Column::Responsible).unwrap_or(task_col);
            said.push(Said { place: place(&name, r, c), what: Saying::NoUnit, problem: false });
        }
        if let Some(c) = col(Column::Due) {
            t.due = due_of(g.cell(r, c), book, year, &mut |w, problem| said.push(Said { place: place(&name, r, c), what: w, problem }));
        }
        t.target = Some(text(r, col(Column::Target))).filter(|s| !s.is_empty());
        t.progress = Some(text(r, col(Column::Progress))).filter(|s| !s.is_empty());
        action.tasks.push(t);
    }
    if let Some(a) = current.take() {
        reading.actions.push(a);
    }
    reading.header = Some(header);
    reading.said = said;
    reading
}

fn start_action(done: &mut Vec<ActionIn>, current: &mut Option<ActionIn>, next: ActionIn) {
    if let Some(a) = current.take() {
        done.push(a);
    }
    *current = Some(next);
}

/// A cell's leading number and the text after it.
fn strip_number(s: &str) -> (String, String) {
    match numbering(s) {
        Some((_, n, rest)) if !rest.trim().is_empty() => (n, rest.trim().to_string()),
        _ => (String::new(), s.trim().to_string()),
    }
}

/// The number a number column gives a row.
fn number_of(cell: &str) -> String {
    numbering(cell).map(|(_, n, _)| n).unwrap_or_else(|| cell.trim().to_string())
}

/// `区发展改革局 · 张三`: the app's own export writes the person after the
/// unit; that person is the task's.
fn person_after(units: Vec<String>) -> (Vec<String>, Option<String>) {
    let mut person = None;
    let units = units
        .into_iter()
        .map(|u| match u.split_once(" · ") {
            Some((unit, p)) => {
                person = Some(p.trim().to_string());
                unit.trim().to_string()
            }
            None => u,
        })
        .collect();
    (units, person)
}

fn is_note(s: &str) -> bool {
    let f = fold(s);
    ["注:", "注：", "注1", "备注", "说明", "附:", "附：", "note", "填表说明", "填报说明"].iter().any(|w| f.starts_with(&fold(w)))
}

/// A deadline cell: a date cell, an Excel serial in a number cell, or text.
fn due_of(cell: &Got, book: &Book, year: i32, say: &mut dyn FnMut(Saying, bool)) -> Option<NaiveDate> {
    match cell {
        Got::Empty => None,
        Got::Date(n) => super::when::serial_day(*n, super::when::DateSystem::From1900),
        Got::Number(n) => {
            let d = number_day(*n, book.dates);
            if d.is_none() {
                say(Saying::UnreadableDate(cell.text()), true);
            }
            d
        }
        other => {
            let t = other.text();
            match read_when(&t, year) {
                When::On(d) => Some(d),
                When::Last(d) => {
                    say(Saying::SeveralDates(t, d), false);
                    Some(d)
                }
                When::Ongoing => {
                    say(Saying::Ongoing(t), false);
                    None
                }
                When::Blank => None,
                When::Unreadable => {
                    say(Saying::UnreadableDate(t), true);
                    None
                }
            }
        }
    }
}
