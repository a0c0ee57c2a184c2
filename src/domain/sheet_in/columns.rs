//! What each column of a responsibility table is: found by its header in
//! the words offices use (重点任务 / 专项行动 / 攻坚行动 …, in Chinese and
//! English), and where the header says nothing clear, by what its cells
//! look like.

use super::grid::Grid;
use serde::{Deserialize, Serialize};

/// What a column becomes in the plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// 序号: the row's number (一、 （一） 1. 9.2).
    Number,
    /// 重点任务: the key action.
    Action,
    /// 具体任务: the task.
    Task,
    /// 牵头区领导: the action's leader(s).
    Leader,
    /// 总牵头单位: the action's leading unit(s).
    LeadUnit,
    /// 责任单位: the task's responsible unit(s).
    Responsible,
    /// 协办单位: the task's co-organizers.
    CoOrganizers,
    /// 完成时限: the deadline.
    Due,
    /// 责任人: the person responsible.
    Person,
    /// 量化指标: a quantitative target.
    Target,
    /// 进展情况: progress so far, kept as text.
    Progress,
    /// Not taken in (the app's own status column, remarks).
    Ignore,
}

impl Column {
    pub const ALL: [Column; 12] = [
        Column::Number,
        Column::Action,
        Column::Task,
        Column::Leader,
        Column::LeadUnit,
        Column::Responsible,
        Column::CoOrganizers,
        Column::Due,
        Column::Person,
        Column::Target,
        Column::Progress,
        Column::Ignore,
    ];

    /// The column's name in the mapping preview: (Chinese, English).
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Column::Number => ("序号", "Number"),
            Column::Action => ("重点任务（专项行动）", "Key action"),
            Column::Task => ("具体任务", "Task"),
            Column::Leader => ("牵头区领导", "Leading district leader"),
            Column::LeadUnit => ("总牵头单位", "Overall leading unit"),
            Column::Responsible => ("责任单位", "Responsible unit"),
            Column::CoOrganizers => ("协办单位", "Co-organizers"),
            Column::Due => ("完成时限", "Due date"),
            Column::Person => ("责任人", "Person responsible"),
            Column::Target => ("量化指标", "Quantitative target"),
            Column::Progress => ("进展情况", "Progress"),
            Column::Ignore => ("不导入", "Not imported"),
        }
    }
}

/// Header words, each with its column. Longer words are tried first when a
/// header holds more than one (总牵头区领导 is a leader, not a unit).
const WORDS: &[(&str, Column)] = &[
    ("序号", Column::Number),
    ("编号", Column::Number),
    ("no.", Column::Number),
    ("no", Column::Number),
    ("number", Column::Number),
    ("#", Column::Number),
    ("重点任务", Column::Action),
    ("专项行动", Column::Action),
    ("攻坚行动", Column::Action),
    ("重点工作", Column::Action),
    ("工作类别", Column::Action),
    ("key action", Column::Action),
    ("action", Column::Action),
    ("具体任务", Column::Task),
    ("任务内容", Column::Task),
    ("工作任务", Column::Task),
    ("工作内容", Column::Task),
    ("工作措施", Column::Task),
    ("任务", Column::Task),
    ("task", Column::Task),
    ("总牵头区领导", Column::Leader),
    ("牵头区领导", Column::Leader),
    ("分管区领导", Column::Leader),
    ("牵头领导", Column::Leader),
    ("责任领导", Column::Leader),
    ("区领导", Column::Leader),
    ("领导", Column::Leader),
    ("leader", Column::Leader),
    ("总牵头单位", Column::LeadUnit),
    ("牵头单位", Column::LeadUnit),
    ("leading unit", Column::LeadUnit),
    ("责任单位", Column::Responsible),
    ("承办单位", Column::Responsible),
    ("主办单位", Column::Responsible),
    ("主责单位", Column::Responsible),
    ("responsible unit", Column::Responsible),
    ("协办单位", Column::CoOrganizers),
    ("配合单位", Column::CoOrganizers),
    ("协同单位", Column::CoOrganizers),
    ("参与单位", Column::CoOrganizers),
    ("co-organizer", Column::CoOrganizers),
    ("完成时限", Column::Due),
    ("完成时间", Column::Due),
    ("时间节点", Column::Due),
    ("截止日期", Column::Due),
    ("截止时间", Column::Due),
    ("时限", Column::Due),
    ("due date", Column::Due),
    ("due", Column::Due),
    ("deadline", Column::Due),
    ("责任人", Column::Person),
    ("联系人", Column::Person),
    ("person responsible", Column::Person),
    ("person", Column::Person),
    ("量化指标", Column::Target),
    ("工作目标", Column::Target),
    ("指标", Column::Target),
    ("target", Column::Target),
    ("进展情况", Column::Progress),
    ("具体进展", Column::Progress),
    ("完成情况", Column::Progress),
    ("进展", Column::Progress),
    ("progress", Column::Progress),
    ("状态", Column::Ignore),
    ("备注", Column::Ignore),
    ("status", Column::Ignore),
    ("remark", Column::Ignore),
    ("note", Column::Ignore),
];

/// Text folded for comparing: full-width to half-width, spaces out,
/// lower case. Names are compared the same way (`区 发展改革局` is
/// `区发展改革局`).
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The column a header names, if any: the whole header first, then the
/// longest header word it contains.
pub fn by_header(header: &str) -> Option<Column> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    if let Some((_, c)) = WORDS.iter().find(|(w, _)| fold(w) == h) {
        return Some(*c);
    }
    // A long cell is a table's text, not a header ("推进……任务"); an
    // English header is longer ("Overall leading district leader").
    let limit = if h.is_ascii() { 40 } else { 12 };
    if h.chars().count() > limit {
        return None;
    }
    // Short Latin words match only whole ("no" is not in "note").
    WORDS
        .iter()
        .filter(|(w, _)| w.chars().count() > 1 && !w.is_ascii() || w.len() > 3)
        .filter(|(w, _)| h.contains(&fold(w)))
        .max_by_key(|(w, _)| w.chars().count())
        .map(|(_, c)| *c)
}

/// What a column's cells look like, for a header that says nothing clear.
pub fn by_content(cells: &[String], year: i32) -> Option<Column> {
    let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
    if filled.len() < 2 {
        return None;
    }
    let share = |f: &dyn Fn(&str) -> bool| filled.iter().filter(|c| f(c)).count() * 10 >= filled.len() * 7;
    // A number is a date only as a serial of a plausible year (a telephone
    // number is not).
    let serial = |c: &str| c.parse::<f64>().is_ok_and(|n| super::when::number_day(n, super::when::DateSystem::From1900).is_some());
    if share(&|c| super::when::read_when(c, year).day().is_some() || serial(c)) {
        return Some(Column::Due);
    }
    if share(&|c| super::structure::numbering(c).is_some() && c.chars().count() <= 6) {
        return Some(Column::Number);
    }
    if share(&|c| super::names::split_units(c).iter().all(|u| super::names::looks_like_unit(u))) {
        return Some(Column::Responsible);
    }
    None
}

/// Where the table's header is, and its columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Header {
    /// The header's first row (0-based); a title row above is left out.
    pub first: usize,
    /// Its rows: 1, or 2 when the second row names what the first leaves
    /// open (`责任单位` over `牵头` / `配合`).
    pub rows: usize,
    /// Each column's header text and what it becomes (`None`: not found).
    pub columns: Vec<(String, Option<Column>)>,
}

impl Header {
    pub fn data_from(&self) -> usize {
        self.first + self.rows
    }

    /// How many different columns it names: how sure we are it is the header.
    pub fn score(&self) -> usize {
        let mut found: Vec<Column> = self.columns.iter().filter_map(|(_, c)| *c).filter(|c| *c != Column::Ignore).collect();
        found.sort();
        found.dedup();
        found.len()
    }

    pub fn find(&self, c: Column) -> Option<usize> {
        self.columns.iter().position(|(_, x)| *x == Some(c))
    }
}

/// How many of the first rows are searched for the header.
pub const HEADER_ROWS: usize = 20;

/// The header of a sheet (already unmerged): the row, within the first 20,
/// that names the most columns, at least two of them; and the row under it
/// when that names columns the first leaves open or only says in general
/// (or the row above, when that row is the one the best row refines).
/// Columns still open are judged by their cells.
pub fn find_header(g: &Grid, year: i32) -> Option<Header> {
    let width = g.width();
    let named = |r: usize| -> Vec<(String, Option<Column>)> {
        (0..width)
            .map(|c| {
                let t = g.cell(r, c).text();
                let col = by_header(&t);
                (t, col)
            })
            .collect()
    };
    let mut best: Option<Header> = None;
    for r in 0..g.rows.len().min(HEADER_ROWS) {
        let h = Header { first: r, rows: 1, columns: named(r) };
        if h.score() >= 2 && best.as_ref().is_none_or(|b| h.score() > b.score()) {
            best = Some(h);
        }
    }
    let best = best?;
    // The best row may be the second of two (`牵头单位` / `配合单位` under a
    // `责任单位` merged across them): then the header starts a row above.
    let above = best.first.checked_sub(1).map(|r| Header { first: r, rows: 1, columns: named(r) });
    let mut h = match above.filter(|a| a.score() >= 2).map(|a| with_second_row(g, a)) {
        Some(two) if two.rows == 2 && two.score() >= best.score() => two,
        _ => with_second_row(g, best),
    };
    // Columns the header leaves open, by their cells; a kind the header
    // names already is not given to another column (a telephone number is
    // not a second deadline).
    let data = h.data_from();
    let named: Vec<Column> = h.columns.iter().filter_map(|(_, c)| *c).collect();
    for (i, slot) in h.columns.iter_mut().enumerate() {
        if slot.1.is_none() {
            let cells: Vec<String> = (data..g.rows.len().min(data + 50)).map(|r| g.cell(r, i).text()).collect();
            slot.1 = by_content(&cells, year).filter(|c| (*c != Column::Number || i == 0) && !named.contains(c));
        }
    }
    Some(h)
}

/// The header with its second row, when the row under it says what it
/// leaves open (`责任单位` over `牵头` / `配合`, `牵头` over `区领导` /
/// `单位`); else as it was.
fn with_second_row(g: &Grid, mut h: Header) -> Header {
    let r2 = h.first + 1;
    if r2 < g.rows.len() {
        let below: Vec<(String, Option<Column>)> = (0..h.columns.len())
            .map(|c| {
                let (t, above) = (g.cell(r2, c).text(), &h.columns[c].0);
                // Only under a header cell that leaves it open: one merged
                // across several columns, or one that names nothing.
                let shared = (c > 0 && h.columns[c - 1].0 == *above) || h.columns.get(c + 1).is_some_and(|n| n.0 == *above);
                let open = above.is_empty() || h.columns[c].1.is_none() || shared;
                let col = (open && t != *above && !t.is_empty() && t.chars().count() <= 8)
                    .then(|| refine(above, &t).or_else(|| by_header(&t)).or_else(|| by_header(&format!("{above}{t}"))))
                    .flatten();
                (t, col)
            })
            .collect();
        let refines = below.iter().filter(|(_, c)| c.is_some()).count();
        let other = below.iter().zip(&h.columns).filter(|((t, c), (above, _))| c.is_none() && !t.is_empty() && t != above).count();
        if refines >= 1 && refines > other {
            for (i, (t, c)) in below.into_iter().enumerate() {
                if c.is_some() {
                    h.columns[i] = (format!("{}{}", h.columns[i].0, t), c);
                }
            }
            h.rows = 2;
        }
    }
    h
}

/// A two-row header's parent and child: `责任单位` over `牵头` is the
/// responsible unit; over `配合` the co-organizers.
fn refine(parent: &str, child: &str) -> Option<Column> {
    let (p, c) = (fold(parent), fold(child));
    if !p.contains("单位") {
        return None;
    }
    if c.contains("配合") || c.contains("协办") || c.contains("协同") {
        Some(Column::CoOrganizers)
    } else if c.contains("牵头") || c.contains("主责") || c.contains("责任") {
        Some(Column::Responsible)
    } else {
        None
    }
}
