//! The calendar file (`.ics`, RFC 5545) a unit or the office imports into
//! Outlook, WPS, a phone or WeCom, so that reminders come without a server:
//! every task deadline and milestone due date (all-day, with an alarm
//! `warning_days` before), the weekly report day, and the monthly hearings
//! still to come. Derived, never stored.
//!
//! Every event's UID is its record's id (`<id>@gongjian`), so importing a
//! newer file updates the events instead of adding them twice; a task or
//! milestone done since is kept, marked done and without its alarm, for the
//! same reason (a calendar does not remove what a re-import leaves out).

use super::plan::live;
use super::{Id, Lang, MeetingKind, Plan, Task};
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};

/// The longest line, in octets, before it is folded (RFC 5545 §3.1).
const LINE_OCTETS: usize = 75;

/// The day the weekly report is asked for. The table sets none (a report
/// counts for its week when dated Monday to Sunday), so the calendar
/// reminds on Friday, the last working day, and says so.
pub const REPORT_DAY: Weekday = Weekday::Fri;

/// One all-day event.
struct Event {
    uid: String,
    day: NaiveDate,
    summary: String,
    description: String,
    /// Repeats weekly until this day.
    weekly_until: Option<NaiveDate>,
    /// Remind this many days before, at 09:00 (`None`: no alarm).
    alarm_days: Option<u32>,
}

impl Plan {
    /// The calendar of `side` (`None`: the office, every task; a unit: the
    /// tasks it is responsible for or co-organizes), in `lang`, as of
    /// `today`, stamped `now`.
    pub fn calendar(&self, side: Option<Id>, lang: Lang, today: NaiveDate, now: DateTime<Utc>) -> String {
        let zh = lang == Lang::Zh;
        let numbers = self.task_numbers();
        let by_task = self.reports_by_task(today);
        let tasks: Vec<&Task> =
            self.actions_in_order().into_iter().flat_map(|a| self.tasks_of(a.id)).filter(|t| side.is_none_or(|u| t.involves(u))).collect();
        let warn = self.settings.warning_days;
        let mut events = Vec::new();
        for t in &tasks {
            let k = super::light::known(&by_task, t.id, today);
            let name = format!("{} {}", numbers.get(&t.id).map(String::as_str).unwrap_or(""), t.title.get(lang)).trim().to_string();
            let units = self.units_line(t, lang);
            let task_done = k.task_done_on(t).is_some();
            if let Some(due) = t.due {
                let summary = match (zh, task_done) {
                    (true, false) => format!("任务到期：{name}"),
                    (true, true) => format!("（已完成）任务到期：{name}"),
                    (false, false) => format!("Task due: {name}"),
                    (false, true) => format!("(done) Task due: {name}"),
                };
                events.push(Event {
                    uid: format!("{}@gongjian", t.id),
                    day: due,
                    summary,
                    description: units.clone(),
                    weekly_until: None,
                    alarm_days: (!task_done).then_some(warn),
                });
            }
            for m in live(&t.milestones) {
                let Some(due) = m.due else { continue };
                let done = task_done || k.milestone_done_on(m).is_some();
                let title = m.title.get(lang);
                let summary = match (zh, done) {
                    (true, false) => format!("节点到期：{name}——{title}"),
                    (true, true) => format!("（已完成）节点到期：{name}——{title}"),
                    (false, false) => format!("Milestone due: {name} — {title}"),
                    (false, true) => format!("(done) Milestone due: {name} — {title}"),
                };
                events.push(Event {
                    uid: format!("{}@gongjian", m.id),
                    day: due,
                    summary,
                    description: units.clone(),
                    weekly_until: None,
                    alarm_days: (!done).then_some(warn),
                });
            }
        }
        // The weekly report: a unit owes one for the tasks it leads; the
        // office collects them.
        let owes = side.is_none_or(|u| tasks.iter().any(|t| t.responsible.contains(&u)));
        let year_end = NaiveDate::from_ymd_opt(self.year, 12, 31);
        if let (true, Some(until)) = (owes, year_end) {
            let first = next_weekday(self.kickoff.max(today.min(until)), REPORT_DAY);
            if first <= until {
                let (summary, description) = match (zh, side) {
                    (true, Some(_)) => (
                        "每周进展反馈：报送本周进展",
                        "请于本周内报送所负责任务的进展反馈（周一至周日报送的均计入本周）。本表未设定报送日，此提醒默认安排在每周五。",
                    ),
                    (true, None) => (
                        "每周进展反馈：收集各单位进展",
                        "收集各责任单位本周的进展反馈，提醒尚未反馈的单位（周一至周日报送的均计入本周）。本表未设定报送日，此提醒默认安排在每周五。",
                    ),
                    (false, Some(_)) => (
                        "Weekly progress report: send this week's report",
                        "Send this week's progress report on the tasks you are responsible for (a report dated Monday to Sunday counts for the week). The table sets no report day; this reminder is on Fridays.",
                    ),
                    (false, None) => (
                        "Weekly progress reports: collect the units' reports",
                        "Collect the responsible units' reports for this week and remind those that have not reported (a report dated Monday to Sunday counts for the week). The table sets no report day; this reminder is on Fridays.",
                    ),
                };
                let who = side.map(|u| u.to_string()).unwrap_or_else(|| "office".into());
                events.push(Event {
                    uid: format!("weekly-{}-{who}@gongjian", self.id),
                    day: first,
                    summary: summary.into(),
                    description: description.into(),
                    weekly_until: Some(until),
                    alarm_days: Some(0),
                });
            }
        }
        // Hearings still to come: a unit's when it discusses one of its tasks
        // or one of its people attends.
        for m in live(&self.meetings).filter(|m| m.kind == MeetingKind::MonthlyHearing && m.date >= today) {
            let concerns = side.is_none_or(|u| {
                m.tasks.iter().any(|id| tasks.iter().any(|t| t.id == *id))
                    || m.attendees.iter().filter_map(|p| self.person(*p)).any(|p| p.unit == Some(u))
            });
            if !concerns {
                continue;
            }
            let chair = m.chair.and_then(|c| self.person(c)).map(|p| p.name.get(lang).to_string()).unwrap_or_default();
            let discussed: Vec<String> =
                m.tasks.iter().filter_map(|id| Some(format!("{} {}", numbers.get(id)?, self.task(*id)?.title.get(lang)))).collect();
            let (summary, description) = if zh {
                let s = if chair.is_empty() { "区领导月度听取".to_string() } else { format!("区领导月度听取：{chair}") };
                let d = if discussed.is_empty() { String::new() } else { format!("研究的任务：{}", discussed.join("；")) };
                (s, d)
            } else {
                let s =
                    if chair.is_empty() { "Leader's monthly hearing".to_string() } else { format!("Leader's monthly hearing: {chair}") };
                let d = if discussed.is_empty() { String::new() } else { format!("Tasks discussed: {}", discussed.join("; ")) };
                (s, d)
            };
            events.push(Event {
                uid: format!("{}@gongjian", m.id),
                day: m.date,
                summary,
                description,
                weekly_until: None,
                alarm_days: Some(1),
            });
        }
        events.sort_by_key(|e| e.day);

        let who = match side.and_then(|u| self.unit(u)) {
            Some(u) => u.name.get(lang).to_string(),
            None if zh => "督查室".to_string(),
            None => "Supervision office".to_string(),
        };
        let cal_name = if zh { format!("{}（{who}）", self.title.get(lang)) } else { format!("{} ({who})", self.title.get(lang)) };
        let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
        let mut out = String::new();
        let mut line = |s: &str| fold_into(&mut out, s);
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Gongjian//Critical Task Table//ZH");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line(&format!("X-WR-CALNAME:{}", escape(&cal_name)));
        line("X-WR-TIMEZONE:Asia/Shanghai");
        for e in &events {
            line("BEGIN:VEVENT");
            line(&format!("UID:{}", e.uid));
            line(&format!("DTSTAMP:{stamp}"));
            line(&format!("DTSTART;VALUE=DATE:{}", ics_date(e.day)));
            line(&format!("DTEND;VALUE=DATE:{}", ics_date(e.day.checked_add_days(Days::new(1)).unwrap_or(e.day))));
            if let Some(until) = e.weekly_until {
                line(&format!("RRULE:FREQ=WEEKLY;BYDAY={};UNTIL={}", byday(REPORT_DAY), ics_date(until)));
            }
            line(&format!("SUMMARY:{}", escape(&e.summary)));
            if !e.description.is_empty() {
                line(&format!("DESCRIPTION:{}", escape(&e.description)));
            }
            line("TRANSP:TRANSPARENT");
            if let Some(days) = e.alarm_days {
                line("BEGIN:VALARM");
                line("ACTION:DISPLAY");
                line(&format!("TRIGGER:{}", trigger(days)));
                line(&format!("DESCRIPTION:{}", escape(&e.summary)));
                line("END:VALARM");
            }
            line("END:VEVENT");
        }
        line("END:VCALENDAR");
        out
    }

    /// "Responsible: A; co-organizers: B", in `lang`.
    fn units_line(&self, t: &Task, lang: Lang) -> String {
        let (lead, co) = (self.unit_names(&t.responsible, lang), self.unit_names(&t.co_organizers, lang));
        let mut parts = Vec::new();
        match lang {
            Lang::Zh => {
                if !lead.is_empty() {
                    parts.push(format!("责任单位：{lead}"));
                }
                if !co.is_empty() {
                    parts.push(format!("协办单位：{co}"));
                }
                parts.join("\n")
            }
            Lang::En => {
                if !lead.is_empty() {
                    parts.push(format!("Responsible: {lead}"));
                }
                if !co.is_empty() {
                    parts.push(format!("Co-organizers: {co}"));
                }
                parts.join("\n")
            }
        }
    }
}

/// The first `day` on or after `d`.
fn next_weekday(d: NaiveDate, day: Weekday) -> NaiveDate {
    let ahead = (7 + day.num_days_from_monday() as i64 - d.weekday().num_days_from_monday() as i64) % 7;
    d + chrono::Duration::days(ahead)
}

fn byday(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

fn ics_date(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// An alarm at 09:00, `days` before an all-day event (which starts at 00:00).
fn trigger(days: u32) -> String {
    let hours = i64::from(days) * 24 - 9;
    if hours <= 0 {
        format!("PT{}H", -hours)
    } else if hours % 24 == 0 {
        format!("-P{}D", hours / 24)
    } else {
        format!("-P{}DT{}H", hours / 24, hours % 24)
    }
}

/// `s` as an RFC 5545 TEXT value: backslash, semicolon, comma and newline
/// escaped; other control characters (which TEXT may not hold) dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A TEXT value read back: the inverse of [`escape`].
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Append the content line `s` to `out`, folded so that no line is longer
/// than 75 octets (a continuation line's leading space included), never
/// inside a character, each ended by CRLF. A space that would end a line
/// starts the next one instead: some readers trim a line's trailing
/// whitespace before they unfold.
pub fn fold_into(out: &mut String, s: &str) {
    let mut len = 0;
    // The spaces and tabs that end the line being written.
    let mut trailing = String::new();
    for c in s.chars() {
        if len + c.len_utf8() > LINE_OCTETS {
            if trailing.len() < LINE_OCTETS / 2 {
                // The spaces move down and still end the (new) line.
                out.truncate(out.len() - trailing.len());
                out.push_str("\r\n ");
                out.push_str(&trailing);
                len = 1 + trailing.len();
            } else {
                out.push_str("\r\n ");
                len = 1;
                trailing.clear();
            }
        }
        out.push(c);
        len += c.len_utf8();
        if c == ' ' || c == '\t' {
            trailing.push(c);
        } else {
            trailing.clear();
        }
    }
    out.push_str("\r\n");
}

/// The content lines of an iCalendar text, unfolded (CRLF followed by a
/// space or tab joins the next line to this one).
pub fn unfold(s: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in s.split("\r\n") {
        match raw.strip_prefix([' ', '\t']) {
            Some(rest) if !lines.is_empty() => lines.last_mut().expect("not empty").push_str(rest),
            _ if raw.is_empty() => {}
            _ => lines.push(raw.to_string()),
        }
    }
    lines
}
