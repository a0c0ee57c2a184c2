//! Deadlines as people write them in a responsibility table: an Excel
//! date, `2023-12-31`, `2023/6/30`, `2023年12月31日`, `12月底`, `年底前`,
//! `6月30日前`, `第三季度`, `上半年`, in full-width or Chinese numerals;
//! `长期坚持` and the like have no deadline. A year a cell leaves out is
//! the plan's.

use chrono::{Datelike, Duration, NaiveDate};

/// What a deadline cell says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum When {
    /// Nothing written.
    Blank,
    /// A day (for a month, quarter or half year: its last day).
    On(NaiveDate),
    /// The cell names several days (`6月底前完成方案，12月底前完成建设`):
    /// the last of them is the deadline, and the reader says so.
    Last(NaiveDate),
    /// Work that goes on (`长期坚持`, `持续推进`): no deadline, with a warning.
    Ongoing,
    /// Nothing a date can be read from.
    Unreadable,
}

impl When {
    /// The deadline it gives, if any.
    pub fn day(&self) -> Option<NaiveDate> {
        match self {
            When::On(d) | When::Last(d) => Some(*d),
            _ => None,
        }
    }
}

/// How a workbook counts its serial dates: from 1900 (Windows Excel, WPS)
/// or from 1904 (old Mac Excel).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSystem {
    #[default]
    From1900,
    From1904,
}

/// The day an Excel serial date stands for; the time of day is dropped.
/// In the 1900 system serial 60 is Excel's 29 February 1900, a day that did
/// not exist (kept from Lotus 1-2-3): it and the days before are out of
/// range, as no plan's deadline falls in early 1900.
pub fn serial_day(serial: f64, system: DateSystem) -> Option<NaiveDate> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    match system {
        DateSystem::From1900 if days <= 60 => None,
        DateSystem::From1900 => NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(days)),
        DateSystem::From1904 => NaiveDate::from_ymd_opt(1904, 1, 1)?.checked_add_signed(Duration::days(days)),
    }
}

/// The serial number Excel (1900 system) gives `day`: the inverse of
/// `serial_day`, for the app's own exports and the tests.
pub fn serial_of(day: NaiveDate) -> f64 {
    (day - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()).num_days() as f64
}

/// A number in a deadline column: a serial date when it is one of a
/// plausible year (1950 to 2100), else nothing.
pub fn number_day(n: f64, system: DateSystem) -> Option<NaiveDate> {
    serial_day(n, system).filter(|d| (1950..=2100).contains(&d.year()))
}

/// Words that mean the work has no end date.
/// Recurring work (`每月`) has none either: its reports have their own dates.
const ONGOING: [&str; 10] = ["长期坚持", "持续推进", "长期推进", "长期", "持续", "常态化", "每月", "每季度", "每年", "ongoing"];

/// Read a deadline cell's text; `year` is the plan's.
pub fn read_when(text: &str, year: i32) -> When {
    let s = normalise(text);
    if s.is_empty() || s.chars().all(|c| "-—/、.".contains(c)) {
        return When::Blank;
    }
    let days = days_in(&s, year);
    match days.as_slice() {
        [] if ONGOING.iter().any(|w| s.to_lowercase().contains(w)) => When::Ongoing,
        [] => When::Unreadable,
        [d] => When::On(*d),
        [.., d] => When::Last(*d),
    }
}

/// Full-width digits and punctuation to ASCII, Chinese numerals before a
/// date word to digits, spaces out.
fn normalise(text: &str) -> String {
    let ascii: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '－' | '—' | '–' | '~' | '～' | '至' => '-',
            '／' => '/',
            '．' => '.',
            _ => c,
        })
        .collect();
    chinese_numerals(&ascii)
}

fn numeral(c: char) -> Option<u32> {
    "〇一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32).or(match c {
        '零' | 'O' => Some(0),
        '两' => Some(2),
        _ => None,
    })
}

/// Runs of Chinese numerals (`二〇二三`, `十二`, `三十一`) become digits
/// when a date word follows them (年, 月, 日, 号, 季) or 第 comes before:
/// elsewhere (`一批`, `三旧`) they are words and stay.
fn chinese_numerals(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && (numeral(chars[i]).is_some() || chars[i] == '十') {
            i += 1;
        }
        if i == start {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = &chars[start..i];
        let dated = chars.get(i).is_some_and(|c| "年月日号季".contains(*c)) || (start > 0 && chars[start - 1] == '第');
        match value_of(run).filter(|_| dated) {
            Some(n) => out.push_str(&n.to_string()),
            None => out.extend(run),
        }
    }
    out
}

/// `二〇二三` is 2023 (digit by digit), `十二` 12, `二十` 20, `三十一` 31.
fn value_of(run: &[char]) -> Option<u32> {
    if !run.contains(&'十') {
        return run.iter().try_fold(0u32, |n, c| Some(n * 10 + numeral(*c)?));
    }
    let at = run.iter().position(|c| *c == '十')?;
    let tens = match &run[..at] {
        [] => 1,
        [d] => numeral(*d)?,
        _ => return None,
    };
    let ones = match &run[at + 1..] {
        [] => 0,
        [d] => numeral(*d)?,
        _ => return None,
    };
    Some(tens * 10 + ones)
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt().filter(|_| (1..=12).contains(&m))
}

/// A small scanner over the normalised text.
struct Scan<'a> {
    s: &'a [char],
    i: usize,
}

impl Scan<'_> {
    fn number(&mut self) -> Option<u32> {
        let start = self.i;
        while self.i < self.s.len() && self.s[self.i].is_ascii_digit() && self.i - start < 6 {
            self.i += 1;
        }
        let digits: String = self.s[start..self.i].iter().collect();
        digits.parse().ok()
    }
    fn eat(&mut self, c: char) -> bool {
        let hit = self.s.get(self.i) == Some(&c);
        self.i += usize::from(hit);
        hit
    }
    fn eat_any(&mut self, words: &[&str]) -> bool {
        for w in words {
            let w: Vec<char> = w.chars().collect();
            if self.s[self.i..].starts_with(&w) {
                self.i += w.len();
                return true;
            }
        }
        false
    }
}

/// Every day the text names, in order.
fn days_in(s: &str, year: i32) -> Vec<NaiveDate> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    // A year named once carries to the dates after it (`2023年3月至6月`).
    let mut year = year;
    while i < chars.len() {
        let mut sc = Scan { s: &chars, i };
        if let Some((d, y)) = day_at(&mut sc, year) {
            out.push(d);
            year = y;
            i = sc.i.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// A date starting at the scanner's place, and the year it was in.
fn day_at(sc: &mut Scan, year: i32) -> Option<(NaiveDate, i32)> {
    let start = sc.i;
    if sc.eat_any(&["上半年"]) {
        return Some((NaiveDate::from_ymd_opt(year, 6, 30)?, year));
    }
    if sc.eat_any(&["下半年", "年底", "年末", "年内", "全年", "本年度", "年度内"]) {
        return Some((NaiveDate::from_ymd_opt(year, 12, 31)?, year));
    }
    if sc.eat('第') || sc.s.get(sc.i).is_some_and(char::is_ascii_digit) {
        if let Some(q) = quarter_at(sc) {
            return Some((last_of_month(year, q * 3)?, year));
        }
    }
    sc.i = start;
    if sc.s.get(start).is_some_and(|c| *c == '第' || !c.is_ascii_digit()) || (start > 0 && sc.s[start - 1].is_ascii_digit()) {
        return None;
    }
    let first = sc.number()?;
    let digits = sc.i - start;
    // `2023-12-31`, `2023/6/30`, `2023.6.30`, `2023年…`
    if digits == 4 {
        let y = i32::try_from(first).ok().filter(|y| (1950..=2100).contains(y))?;
        for sep in ['-', '/', '.'] {
            if sc.eat(sep) {
                let m = sc.number()?;
                if !sc.eat(sep) {
                    return Some((last_of_month(y, m)?, y));
                }
                let d = sc.number()?;
                return Some((NaiveDate::from_ymd_opt(y, m, d)?, y));
            }
        }
        if sc.eat('年') {
            let after_year = sc.i;
            if sc.eat_any(&["上半年"]) {
                return Some((NaiveDate::from_ymd_opt(y, 6, 30)?, y));
            }
            if sc.eat_any(&["年底", "年末", "底", "末", "内", "下半年", "全年"]) {
                return Some((NaiveDate::from_ymd_opt(y, 12, 31)?, y));
            }
            sc.eat('第');
            if let Some(q) = quarter_at(sc) {
                return Some((last_of_month(y, q * 3)?, y));
            }
            sc.i = after_year;
            // `2023年` alone is by the end of that year; `2023年13月` is nothing.
            if sc.s.get(sc.i).is_some_and(char::is_ascii_digit) {
                return month_day(sc, y).map(|d| (d, y));
            }
            return Some((NaiveDate::from_ymd_opt(y, 12, 31)?, y));
        }
        return None;
    }
    sc.i = start;
    if let Some(d) = month_day(sc, year) {
        return Some((d, year));
    }
    sc.i = start;
    short_day(sc, year).map(|d| (d, year))
}

/// `3季度`, `3季` (after 第 or alone), 1 to 4.
fn quarter_at(sc: &mut Scan) -> Option<u32> {
    let at = sc.i;
    let q = sc.number().filter(|q| (1..=4).contains(q));
    if q.is_some() && sc.eat('季') {
        sc.eat('度');
        return q;
    }
    sc.i = at;
    None
}

/// `12月31日`, `12月31号`, `6月30`, `12月底`, `12月`, `6/30` after a year.
fn month_day(sc: &mut Scan, year: i32) -> Option<NaiveDate> {
    let m = sc.number()?;
    if !sc.eat('月') {
        return None;
    }
    let at = sc.i;
    if sc.eat_any(&["底", "末", "份", "内"]) {
        return last_of_month(year, m);
    }
    if let Some(d) = sc.number() {
        if sc.eat('日') || sc.eat('号') || sc.i == sc.s.len() || !sc.s[sc.i].is_ascii_digit() {
            return NaiveDate::from_ymd_opt(year, m, d);
        }
    }
    sc.i = at;
    last_of_month(year, m)
}

/// `6/30`, `6.30`: a month and a day without a year.
fn short_day(sc: &mut Scan, year: i32) -> Option<NaiveDate> {
    let m = sc.number().filter(|m| (1..=12).contains(m))?;
    if !(sc.eat('/') || sc.eat('.')) {
        return None;
    }
    let d = sc.number()?;
    if sc.s.get(sc.i).is_some_and(|c| *c == '/' || *c == '.' || c.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, m, d)
}
