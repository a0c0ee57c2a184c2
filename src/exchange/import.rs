//! Importing a file: read it, judge it against the table (which plan, who
//! sent it, whether its records hold together), and preview the merge.
//! Nothing changes until `finish` is called with the person's choices, and
//! then everything changes at once.

use super::file::{parse, FileError, Header, Kind, Parsed};
use super::merge::{self, ApplyError, Choice, Preview};
use super::seal::{judge, Broken, Distrust, Sealed, Trust};
use crate::domain::validate::Invalid;
use crate::domain::{Id, Lang, Plan, Stamp, Text};
use serde_json::Value;

/// What the importing side is: its table, who it acts as, and the slice it
/// last received (a unit's base).
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub plan: &'a Plan,
    /// `None`: the supervision office.
    pub me: Option<Id>,
    pub base: Option<&'a Plan>,
}

/// Why a file was refused. The table is unchanged.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Refused {
    #[error("{0}")]
    File(FileError),
    // Plans and units are named by their titles and names (`Text`), never by id.
    #[error("at $.plan_id: {}", other_plan(Lang::En, .file_plan, .table_plan))]
    OtherPlan { found: Id, expected: Id, file_plan: Box<Text>, table_plan: Box<Text> },
    #[error(
        "at $.plan_id: the file belongs to another plan, “{}”, and this table is the example with your changes; \
         choose \"Start a blank plan\" first to import another plan",
        .file_plan.get(Lang::En)
    )]
    EditedExample { found: Id, file_plan: Box<Text> },
    #[error("at $.body.plan.id: the body holds another plan (“{}”) than the one its header names", .body_plan.get(Lang::En))]
    BodyOtherPlan { found: Id, expected: Id, body_plan: Box<Text> },
    #[error("at $.kind: a slice is imported by the unit it was cut for, not by the supervision office")]
    SliceForOffice,
    #[error("at $.unit: this slice was cut for another unit, {}; this browser acts as {}", .unit_name.get(Lang::En), .me_name.get(Lang::En))]
    SliceForOtherUnit { unit: Id, me: Id, unit_name: Box<Text>, me_name: Box<Text> },
    #[error("at $.kind: a unit's report is imported by the supervision office, and this browser acts as a unit")]
    ReportForUnit,
    #[error("at $.unit: a slice or a report must name its unit")]
    NoUnit,
    #[error("at {path}: {problem}")]
    Invalid { path: String, problem: Box<Invalid> },
    /// The file's seal does not let it in (see `seal::judge`); `from` names
    /// the side the file says sent it.
    #[error("at $.seal: {}", seal_reason(.why, .from.get(Lang::En)))]
    Seal { why: Distrust, from: Box<Text> },
}

/// Why a seal refuses a file, in English (the page has both languages).
fn seal_reason(why: &Distrust, from: &str) -> String {
    match why {
        Distrust::Unsigned => format!("the file is not signed; files from {from} must be signed"),
        Distrust::Broken(Broken::Signature) => {
            "the signature does not match the file: it was changed after it was signed, or signed by another key".into()
        }
        Distrust::Broken(Broken::Fingerprint) => "the fingerprint in the file is not its key's".into(),
        Distrust::Broken(Broken::Algorithm(a)) => format!("the file is signed with {a}, and only ES256 is accepted"),
        Distrust::Broken(Broken::Malformed) => "the signature or the key in the file is not in the expected form".into(),
        Distrust::OtherKey { pinned, found } => format!(
            "the file is signed by the key with fingerprint {found}, but this table knows {from} by the key with fingerprint {pinned}"
        ),
    }
}

/// "the file belongs to another plan, “X”; this table is “Y”" — when both
/// have the same title, saying so (two blank plans are both "新的…").
pub fn other_plan(l: Lang, file: &Text, table: &Text) -> String {
    let (f, t) = (file.get(l), table.get(l));
    match (l, f == t) {
        (Lang::En, false) => format!("the file belongs to another plan, “{f}”; this table is “{t}”"),
        (Lang::En, true) => format!("the file belongs to another plan with the same title as this table, “{f}”"),
        (Lang::Zh, false) => format!("文件属于另一张表「{f}」，当前表是「{t}」"),
        (Lang::Zh, true) => format!("文件属于另一张同名的表「{f}」，不是当前这张表"),
    }
}

/// How the file would land.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Merged record by record into the table.
    Merge,
    /// The table is the example (or empty): the file's plan takes its place.
    Replace,
}

/// A file read, judged and previewed; ready to apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    pub file: String,
    pub header: Header,
    /// What its seal says: signed by the known key, signed by a key to pin
    /// now, or unsigned (shown with a warning).
    pub trust: Trust,
    pub mode: Mode,
    pub preview: Preview,
    incoming: Plan,
    base: Option<Plan>,
}

impl Prepared {
    /// The file's plan (to name its records and values in the preview).
    pub fn incoming(&self) -> &Plan {
        &self.incoming
    }
}

/// What the importing side becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub plan: Plan,
    pub me: Option<Id>,
    pub base: Option<Plan>,
}

/// Read `text` (named `file`) and work out what importing it would do.
pub fn prepare(file: &str, text: &str, side: Side) -> Result<Prepared, Refused> {
    prepare_parsed(file, parse(text).map_err(Refused::File)?, side)
}

/// The second half of `prepare`, for a file already read with
/// `file::parse`, taken as unsigned whatever its header says.
pub fn prepare_parsed(file: &str, parsed: Parsed, side: Side) -> Result<Prepared, Refused> {
    prepare_sealed(file, parsed, &Sealed::Unsigned, side)
}

/// The second half of `prepare`, for a file already read with
/// `file::parse` and its seal checked (`seal::check`, asynchronous in the
/// browser, which shows its progress between the steps).
pub fn prepare_sealed(file: &str, parsed: Parsed, sealed: &Sealed, side: Side) -> Result<Prepared, Refused> {
    let h = parsed.header;
    let body = parsed.body;
    // A browser that has only the untouched example (what it opens on) or
    // a blank plan takes a real plan or its unit's slice in their place.
    // An example someone has worked on is not thrown away by a file.
    let spare = is_spare(side.plan);
    let replace = spare
        && match h.kind {
            Kind::Slice => true,
            Kind::Plan => h.plan_id != side.plan.id,
            Kind::Report => false,
        };
    if !replace && h.plan_id != side.plan.id {
        if side.plan.example && h.kind != Kind::Report {
            return Err(Refused::EditedExample { found: h.plan_id, file_plan: Box::new(body.plan.title.clone()) });
        }
        let (file_plan, table_plan) = (Box::new(body.plan.title.clone()), Box::new(side.plan.title.clone()));
        return Err(Refused::OtherPlan { found: h.plan_id, expected: side.plan.id, file_plan, table_plan });
    }
    if body.plan.id != h.plan_id {
        return Err(Refused::BodyOtherPlan { found: body.plan.id, expected: h.plan_id, body_plan: Box::new(body.plan.title.clone()) });
    }
    match (h.kind, side.me, h.unit) {
        (Kind::Slice | Kind::Report, _, None) => return Err(Refused::NoUnit),
        (Kind::Slice, None, _) if !replace => return Err(Refused::SliceForOffice),
        (Kind::Slice, Some(me), Some(unit)) if me != unit => {
            let name = |id: Id| {
                let u = body.plan.unit(id).or_else(|| side.plan.unit(id));
                Box::new(u.map(|u| u.name.clone()).unwrap_or_else(|| Text::new("未知单位", "an unknown unit")))
            };
            return Err(Refused::SliceForOtherUnit { unit, me, unit_name: name(unit), me_name: name(me) });
        }
        (Kind::Report, Some(_), _) => return Err(Refused::ReportForUnit),
        _ => {}
    }
    let trust = trust_of(&h, &body.plan, sealed, side, replace)?;
    if replace {
        check(&body.plan, &[], &body.plan)?;
        let preview = merge::listing(&body.plan);
        let base = (h.kind == Kind::Slice).then(|| body.plan.clone());
        return Ok(Prepared { file: file.into(), header: h, trust, mode: Mode::Replace, preview, incoming: body.plan, base });
    }
    // Who sent it decides what it may change: a slice or plan from the
    // office may change anything; a report only what its unit owns.
    let sender = match h.kind {
        Kind::Report => h.unit,
        _ => h.exported_by,
    };
    let base = match h.kind {
        Kind::Report => body.base.clone(),
        _ => side.base.cloned(),
    };
    let preview = merge::preview_as(side.plan, &body.plan, base.as_ref(), sender, side.me);
    // What the file adds or changes must hold together with the table.
    let merged =
        merge::apply(side.plan, &preview, &vec![Some(Choice::Keep); preview.conflicts.len()], Stamp { by: side.me, at: h.exported_at })
            .map_err(|e| {
                Refused::File(FileError::Read(crate::exchange::ReadError::Invalid { path: "$.body".into(), reason: e.to_string() }))
            })?;
    check(&merged, &side.plan.validate(), &body.plan)?;
    let new_base = (h.kind == Kind::Slice).then(|| body.plan.clone());
    Ok(Prepared { file: file.into(), header: h, trust, mode: Mode::Merge, preview, incoming: body.plan, base: new_base })
}

/// What importing a plan made in this browser would do: a spreadsheet read
/// here, as a new plan (`incoming` is another plan: it takes the table's
/// place) or as the table with the spreadsheet's records added (the same
/// plan: merged as the office's change). It is judged as any file is —
/// previewed, checked against the table, applied all at once, undoable —
/// but has no seal: the person importing it made it.
pub fn prepare_local(file: &str, incoming: Plan, side: Side, at: chrono::DateTime<chrono::Utc>) -> Result<Prepared, Refused> {
    let header = Header {
        format: crate::exchange::file::FORMAT.into(),
        version: crate::exchange::file::VERSION,
        kind: Kind::Plan,
        plan_id: incoming.id,
        exported_by: side.me,
        unit: None,
        exported_at: at,
        app_version: crate::exchange::file::APP_VERSION.into(),
        sha256: String::new(),
        seal: None,
        body: (),
    };
    if incoming.id != side.plan.id {
        check(&incoming, &[], &incoming)?;
        let preview = merge::listing(&incoming);
        return Ok(Prepared { file: file.into(), header, trust: Trust::Local, mode: Mode::Replace, preview, incoming, base: None });
    }
    let preview = merge::preview_as(side.plan, &incoming, side.base, side.me, side.me);
    let merged = merge::apply(side.plan, &preview, &vec![Some(Choice::Keep); preview.conflicts.len()], Stamp { by: side.me, at })
        .map_err(|e| Refused::File(FileError::Read(crate::exchange::ReadError::Invalid { path: "$".into(), reason: e.to_string() })))?;
    check(&merged, &side.plan.validate(), &incoming)?;
    Ok(Prepared { file: file.into(), header, trust: Trust::Local, mode: Mode::Merge, preview, incoming, base: None })
}

/// The side a file says sent it: a report's unit, else its exporter.
fn sender_of(h: &Header) -> Option<Id> {
    match h.kind {
        Kind::Report => h.unit,
        _ => h.exported_by,
    }
}

/// Judge a file's seal (`seal::judge`) against the key this table pinned
/// for the side it says sent it: the office's key, or that unit's. A table
/// about to be replaced pins nothing yet, and the file's own plan says
/// whether signed files are required. A file from the office must also be
/// signed by the office key its own plan names, so that what a unit pins is
/// the key the office signs with.
fn trust_of(h: &Header, incoming: &Plan, sealed: &Sealed, side: Side, replace: bool) -> Result<Trust, Refused> {
    let sender = sender_of(h);
    let from = || {
        Box::new(match sender {
            None => Text::new("督查办", "the supervision office"),
            Some(u) => incoming
                .unit(u)
                .or_else(|| side.plan.unit(u))
                .map(|u| u.name.clone())
                .unwrap_or_else(|| Text::new("未知单位", "an unknown unit")),
        })
    };
    let refuse = |why: Distrust| Refused::Seal { why, from: from() };
    let pinned = match (replace, sender) {
        (true, _) => None,
        (false, None) => side.plan.office_key.as_ref(),
        (false, Some(u)) => side.plan.unit(u).and_then(|u| u.key.as_ref()),
    };
    let require = if replace { incoming.settings.require_signed } else { side.plan.settings.require_signed };
    let trust = judge(sealed, pinned, require).map_err(refuse)?;
    if let (None, Sealed::By(k)) = (sender, sealed) {
        if incoming.office_key.as_ref() != Some(k) {
            let named = incoming.office_key.as_ref().map(|k| k.fingerprint()).unwrap_or_else(|| "—".into());
            return Err(refuse(Distrust::OtherKey { pinned: named, found: k.fingerprint() }));
        }
    }
    Ok(trust)
}

/// True for a table nobody has worked on: the example as shipped, or a
/// blank plan with no record in it yet.
pub fn is_spare(plan: &Plan) -> bool {
    let empty = plan.units.is_empty()
        && plan.people.is_empty()
        && plan.actions.is_empty()
        && plan.tasks.is_empty()
        && plan.reports.is_empty()
        && plan.meetings.is_empty()
        && plan.problems.is_empty()
        && plan.risks.is_empty()
        && plan.exemptions.is_empty()
        && plan.rulings.is_empty()
        && plan.instructions.is_empty();
    // The office's key named in it (at its first export) is bookkeeping,
    // not work on the example.
    empty || (plan.example && Plan { office_key: None, ..plan.clone() } == crate::domain::example::luohu_2022())
}

/// Refuse the file when the result has a problem the table did not have;
/// the message points at the file's record that brings it in.
fn check(result: &Plan, before: &[Invalid], incoming: &Plan) -> Result<(), Refused> {
    let Some(problem) = result.validate().into_iter().find(|p| !before.contains(p)) else { return Ok(()) };
    let path = match &problem {
        Invalid::UnknownRef { id, .. } | Invalid::DuplicateId(id) => path_of(incoming, *id),
        _ => locate(result, incoming, &problem),
    };
    Err(Refused::Invalid { path: path.unwrap_or_else(|| "$.body.plan".into()), problem: Box::new(problem) })
}

/// The JSON path, inside the file, of the record (and field) a value
/// problem is about, found from how the message names it.
fn locate(result: &Plan, incoming: &Plan, problem: &Invalid) -> Option<String> {
    use crate::domain::validate::Subject;
    let (at, field) = match problem {
        Invalid::Blank(at) => (at, ""),
        Invalid::KickoffOutsideYear(at, ..) => (at, ".kickoff"),
        Invalid::YearOutOfRange(_) => (&Subject::Plan, ".year"),
        Invalid::PlanDueDaysOutOfRange(_) => (&Subject::Plan, ".settings.plan_due_days"),
        Invalid::DueBeforeStart { at, .. } | Invalid::AfterTaskDue { at, .. } => (at, ".due"),
        Invalid::BothRoles { at, .. } => (at, ".co_organizers"),
        Invalid::TargetEqualsBaseline { at, .. } => (at, ".target"),
        Invalid::NotFinite { at, .. } | Invalid::NotInvolved { at, .. } | Invalid::Request { at, .. } => (at, ""),
        Invalid::ProgressOutOfRange { at, .. } => (at, ".progress"),
        Invalid::NegativeWeight { at, .. } => (at, ".weight"),
        Invalid::UnknownRef { .. } | Invalid::DuplicateId(_) => return None,
        // Only the forms' commands raise these; a file is never refused for them.
        Invalid::EmptyReport { .. }
        | Invalid::ProgressDropNeedsReason { .. }
        | Invalid::EmptyMeeting { .. }
        | Invalid::DuplicateUnitName { .. } => return None,
    };
    let number = |id: Id| result.task_number(id).unwrap_or_default();
    let task_at = |label: &str| incoming.tasks.iter().position(|t| number(t.id) == label);
    let record = match at {
        Subject::Plan => String::new(),
        Subject::Unit(n) => format!(".units[{}]", incoming.units.iter().position(|u| u.name == *n)?),
        Subject::Person(n) => format!(".people[{}]", incoming.people.iter().position(|u| u.name == *n)?),
        Subject::Action(n) => {
            let id = result.actions_in_order().get(n.checked_sub(1)?)?.id;
            format!(".actions[{}]", incoming.actions.iter().position(|a| a.id == id)?)
        }
        Subject::Task(label) => format!(".tasks[{}]", task_at(label)?),
        Subject::Milestone { task, title } => {
            let i = task_at(task)?;
            format!(".tasks[{i}].milestones[{}]", incoming.tasks[i].milestones.iter().position(|m| m.title == *title)?)
        }
        Subject::Target { task, name } => {
            let i = task_at(task)?;
            format!(".tasks[{i}].targets[{}]", incoming.tasks[i].targets.iter().position(|m| m.name == *name)?)
        }
        Subject::Report { task, date } => {
            format!(".reports[{}]", incoming.reports.iter().position(|r| r.date == *date && number(r.task) == *task)?)
        }
        Subject::Record(_) => return None,
    };
    Some(format!("$.body.plan{record}{field}"))
}

/// The JSON path, inside the file, of the first place that names `id` as a
/// reference (a field other than a record's own `id`).
fn path_of(incoming: &Plan, id: Id) -> Option<String> {
    fn walk(v: &Value, path: &mut String, needle: &str, own_id: bool) -> bool {
        match v {
            Value::String(s) => s == needle && !own_id,
            Value::Array(items) => items.iter().enumerate().any(|(i, x)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let found = walk(x, path, needle, false);
                if !found {
                    path.truncate(len);
                }
                found
            }),
            Value::Object(m) => m.iter().any(|(k, x)| {
                let len = path.len();
                path.push('.');
                path.push_str(k);
                let found = walk(x, path, needle, k == "id");
                if !found {
                    path.truncate(len);
                }
                found
            }),
            _ => false,
        }
    }
    let v = super::fields::json_of(incoming);
    let mut path = "$.body.plan".to_string();
    walk(&v, &mut path, &id.to_string(), false).then_some(path)
}

/// Apply a prepared import. `choices[i]` answers `preview.conflicts[i]`.
pub fn finish(side: Side, p: &Prepared, choices: &[Option<Choice>], stamp: Stamp) -> Result<Outcome, ApplyError> {
    match p.mode {
        Mode::Replace => {
            let me = match p.header.kind {
                Kind::Slice => p.header.unit,
                _ => p.header.exported_by,
            };
            Ok(Outcome { plan: p.incoming.clone(), me, base: p.base.clone() })
        }
        Mode::Merge => {
            let mut plan = merge::apply(side.plan, &p.preview, choices, stamp)?;
            // A first signed file pins its signer's key: a unit's, as the
            // office's change of the unit's record (shown on its entry in
            // Units and people); the office's, in a unit's copy that had
            // none (slices from before signing).
            match (&p.trust, sender_of(&p.header)) {
                (Trust::First(k), Some(u)) => plan.pin_unit_key(u, Some(k.clone()), stamp),
                (Trust::First(k), None) => plan.office_key = Some(k.clone()),
                _ => {}
            }
            let base = p.base.clone().or_else(|| side.base.cloned());
            Ok(Outcome { plan, me: side.me, base })
        }
    }
}
