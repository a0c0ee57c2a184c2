//! Leaders' instructions (领导批示): the office records them on a task or
//! one of its problems; a unit of the task answers in its report what it
//! did (落实情况). Open means not yet answered, derived, never stored.

use super::edit::EditError;
use super::plan::live;
use super::requests::{invalid, RequestProblem};
use super::validate::Subject;
use super::{Id, Meta, Plan, Report, Stamp};
use crate::impl_record;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a unit did about a leader's instruction (落实情况).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Answer {
    pub instruction: Id,
    pub text: String,
}

/// A district leader's instruction (领导批示) on a task or one of its problems.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Instruction {
    pub id: Id,
    pub task: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<Id>,
    pub leader: Id,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::day_schema"))]
    #[serde(with = "crate::domain::dates::day")]
    pub given_on: NaiveDate,
    pub text: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(schema_with = "crate::domain::dates::opt_day_schema"))]
    #[serde(default, skip_serializing_if = "Option::is_none", with = "crate::domain::dates::opt_day")]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub meta: Meta,
}

impl_record!(Instruction);

/// What the instruction form sends.
#[derive(Clone, Debug, PartialEq)]
pub struct InstructionDraft {
    pub task: Id,
    pub problem: Option<Id>,
    pub leader: Option<Id>,
    pub given_on: NaiveDate,
    pub text: String,
    pub due: Option<NaiveDate>,
}

/// An instruction not yet answered, and how many days it has waited.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenInstruction {
    pub id: Id,
    pub task: Id,
    pub age_days: i64,
    /// Past its due date.
    pub overdue: bool,
}

impl Plan {
    /// The office records a district leader's instruction on a task or one
    /// of its problems.
    pub fn record_instruction(&mut self, d: InstructionDraft, stamp: Stamp) -> Result<Id, EditError> {
        let at = Subject::Task(self.task_number(d.task).unwrap_or_default());
        self.task(d.task).ok_or(EditError::NotFound)?;
        let Some(leader) = d.leader.filter(|l| self.district_leaders().contains(l)) else {
            return Err(invalid(at, RequestProblem::NotALeader));
        };
        if d.text.trim().is_empty() {
            return Err(invalid(at, RequestProblem::NoText));
        }
        if d.problem.is_some_and(|p| !live(&self.problems).any(|x| x.id == p && x.task == d.task)) {
            return Err(EditError::NotFound);
        }
        let id = Id::new();
        self.instructions.push(Instruction {
            id,
            task: d.task,
            problem: d.problem,
            leader,
            given_on: d.given_on,
            text: d.text.trim().into(),
            due: d.due,
            meta: Meta::created(stamp),
        });
        Ok(id)
    }

    /// A unit of the task says what it did about an instruction, in a report.
    pub fn answer_instruction(&mut self, instruction: Id, unit: Id, date: NaiveDate, text: String, stamp: Stamp) -> Result<Id, EditError> {
        let i = live(&self.instructions).find(|i| i.id == instruction).ok_or(EditError::NotFound)?;
        let task = i.task;
        let t = self.task(task).ok_or(EditError::NotFound)?;
        let at = Subject::Report { task: self.task_number(task).unwrap_or_default(), date };
        if !t.involves(unit) {
            return Err(invalid(at, RequestProblem::NotResponsible));
        }
        if text.trim().is_empty() {
            return Err(invalid(at, RequestProblem::NoText));
        }
        let answer = Answer { instruction, text: text.trim().into() };
        Ok(self.push_report(task, unit, date, stamp, |r| r.answers = vec![answer]))
    }

    /// The answers to an instruction, oldest first, from standing reports.
    pub fn answers_to(&self, instruction: Id) -> Vec<(&Report, &Answer)> {
        let mut out: Vec<(&Report, &Answer)> =
            self.standing_reports().flat_map(|r| r.answers.iter().filter(|a| a.instruction == instruction).map(move |a| (r, a))).collect();
        super::numbers::sort_by(&mut out, |(r, _)| r.date);
        out
    }

    /// Instructions given on or before `today` that no unit has answered
    /// yet, oldest first, with their age.
    pub fn open_instructions(&self, today: NaiveDate) -> Vec<OpenInstruction> {
        let answered: std::collections::HashSet<Id> =
            self.standing_reports().filter(|r| r.date <= today).flat_map(|r| r.answers.iter().map(|a| a.instruction)).collect();
        let mut out: Vec<OpenInstruction> = live(&self.instructions)
            .filter(|i| i.given_on <= today && !answered.contains(&i.id) && self.task(i.task).is_some())
            .map(|i| OpenInstruction {
                id: i.id,
                task: i.task,
                age_days: (today - i.given_on).num_days(),
                overdue: i.due.is_some_and(|d| d < today),
            })
            .collect();
        out.sort_by_key(|o| std::cmp::Reverse(o.age_days));
        out
    }

    /// The instruction with id `id`.
    pub fn instruction(&self, id: Id) -> Option<&Instruction> {
        live(&self.instructions).find(|i| i.id == id)
    }
}
