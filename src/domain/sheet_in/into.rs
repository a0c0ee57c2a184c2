//! A table as read, made into a plan's records: into a copy of the current
//! plan (its units and people matched by name, the same rule that refuses
//! a duplicate unit) or into a new plan named by the sheet's title. Every
//! record is made by the plan's own commands, so what the page refuses a
//! person typing, a spreadsheet cannot bring in either.

use super::structure::Reading;
use crate::domain::edit::EditError;
use crate::domain::edit::{ActionDraft, TaskDraft};
use crate::domain::input::fold_name;
use crate::domain::task_edit::TargetDraft;
use crate::domain::{Direction, Id, Plan, Stamp, Text};

/// Which names matched records already in the plan, and which are new.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matched {
    pub units_found: Vec<String>,
    pub units_new: Vec<String>,
    pub people_found: Vec<String>,
    pub people_new: Vec<String>,
}

/// A text in the language it is written in: Chinese when it has a Chinese
/// character, else English.
pub fn written(s: &str) -> Text {
    if s.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c)) {
        Text::new(s, "")
    } else {
        Text::new("", s)
    }
}

/// A quantitative target cell: its first number and the measure written
/// after it (`完成改造17.2万平方米`: 17.2, 万平方米).
pub fn target_of(cell: &str) -> Option<(f64, String)> {
    let chars: Vec<char> = cell.chars().collect();
    let start = chars.iter().position(|c| c.is_ascii_digit())?;
    let end = (start..chars.len()).find(|i| !(chars[*i].is_ascii_digit() || chars[*i] == '.' || chars[*i] == ',')).unwrap_or(chars.len());
    let n: f64 = chars[start..end].iter().filter(|c| **c != ',').collect::<String>().trim_end_matches('.').parse().ok()?;
    let measure: String = chars[end..].iter().take_while(|c| !"，,。；;、（）() ".contains(**c)).collect();
    Some((n, measure))
}

struct Names<'a> {
    plan: &'a mut Plan,
    matched: Matched,
    stamp: Stamp,
}

impl Names<'_> {
    fn unit(&mut self, name: &str) -> Result<Id, EditError> {
        let text = written(name);
        if let Some(u) = self.plan.unit_named_like(&text, None) {
            let id = u.id;
            // Made earlier in this same import: not one the plan had.
            if !self.matched.units_new.iter().any(|n| fold_name(n) == fold_name(name)) {
                push_once(&mut self.matched.units_found, name);
            }
            return Ok(id);
        }
        push_once(&mut self.matched.units_new, name);
        self.plan.add_unit(text, self.stamp)
    }

    fn units(&mut self, names: &[String]) -> Result<Vec<Id>, EditError> {
        let mut out = Vec::new();
        for n in names {
            let id = self.unit(n)?;
            if !out.contains(&id) {
                out.push(id);
            }
        }
        Ok(out)
    }

    fn person(&mut self, name: &str, title: &str, unit: Option<Id>) -> Result<Id, EditError> {
        let wanted = fold_name(name);
        let found = crate::domain::plan::live(&self.plan.people)
            .find(|p| [&p.name.zh, &p.name.en].iter().any(|n| fold_name(n) == wanted))
            .map(|p| p.id);
        if let Some(id) = found {
            if !self.matched.people_new.iter().any(|n| fold_name(n) == fold_name(name)) {
                push_once(&mut self.matched.people_found, name);
            }
            return Ok(id);
        }
        push_once(&mut self.matched.people_new, name);
        self.plan.add_person(written(name), written(title), unit, self.stamp)
    }
}

fn push_once(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| fold_name(x) == fold_name(s)) {
        v.push(s.to_string());
    }
}

/// Add what `reading` holds to `plan`: its actions after the plan's own,
/// each with its tasks in the table's order. `untitled` names an action for
/// tasks that had none above them (the file's name). All or nothing: on a
/// refusal the plan is as it was.
pub fn add_to(plan: &mut Plan, reading: &Reading, untitled: &str, stamp: Stamp) -> Result<Matched, EditError> {
    let before = plan.clone();
    let out = add(plan, reading, untitled, stamp);
    if out.is_err() {
        *plan = before;
    }
    out
}

fn add(plan: &mut Plan, reading: &Reading, untitled: &str, stamp: Stamp) -> Result<Matched, EditError> {
    let mut n = Names { plan, matched: Matched::default(), stamp };
    for a in &reading.actions {
        let leading_units = n.units(&a.leading_units)?;
        let mut leaders = Vec::new();
        for (name, title) in &a.leaders {
            leaders.push(n.person(name, title, None)?);
        }
        let title = if a.title.trim().is_empty() { untitled } else { a.title.as_str() };
        let action = n.plan.add_action(ActionDraft { title: written(title), field: None, leaders, leading_units }, stamp)?;
        for t in &a.tasks {
            let responsible = n.units(&t.responsible)?;
            let co_organizers: Vec<Id> = n.units(&t.co_organizers)?.into_iter().filter(|u| !responsible.contains(u)).collect();
            let person = match &t.person {
                Some(p) => Some(n.person(p, "", responsible.first().copied())?),
                None => None,
            };
            let draft = TaskDraft { action, title: written(&t.title), responsible, co_organizers, person, start: None, due: t.due };
            let task = n.plan.add_task(draft, stamp)?;
            if let Some(cell) = &t.target {
                match target_of(cell) {
                    Some((target, measure)) => {
                        let d = TargetDraft { name: written(cell), measure, baseline: None, target, direction: Direction::AtLeast };
                        n.plan.add_target(task, d, stamp)?;
                    }
                    None => note(n.plan, task, "量化指标", cell),
                }
            }
            if let Some(p) = &t.progress {
                note(n.plan, task, "原表进展情况", p);
            }
        }
    }
    Ok(n.matched)
}

/// Text the plan has no field for, kept in the task's plan (施工图) under
/// the column's name, so that nothing of the table is lost.
fn note(plan: &mut Plan, task: Id, label: &str, text: &str) {
    if let Some(t) = plan.tasks.iter_mut().find(|t| t.id == task) {
        if !t.plan.is_empty() {
            t.plan.push('\n');
        }
        t.plan.push_str(&format!("{label}：{text}"));
    }
}
