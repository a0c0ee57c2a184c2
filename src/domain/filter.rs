//! The responsibility table's view: which actions and tasks a filter shows.
//! The filter round-trips through URL query pairs so a copied link shows
//! the same view.

use super::board::Facet;
use super::light::{known, Light};
use super::{Id, KeyAction, Plan, Task};
use chrono::NaiveDate;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableFilter {
    pub action: Option<Id>,
    /// A unit that leads the action, or is responsible for or co-organizes the task.
    pub unit: Option<Id>,
    /// An overall leading district leader, or a task's responsible person.
    pub leader: Option<Id>,
    /// Free text, matched in both languages.
    pub text: String,
    /// Only tasks with this status light.
    pub light: Option<Light>,
    /// Only tasks in one of the board's sets (overdue, due soon, …).
    pub facet: Option<Facet>,
}

/// One key action and the tasks of it that the filter shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionRows {
    pub action: Id,
    pub number: usize,
    /// (task id, task number such as "9.2").
    pub tasks: Vec<(Id, String)>,
}

/// The first `n` task rows of the table, with their action rows: what is
/// rendered first, so that a table of a thousand tasks shows at once and
/// the rest follows frame by frame. Actions come along while room remains.
pub fn first_rows(rows: &[ActionRows], n: usize) -> Vec<ActionRows> {
    let mut left = n;
    let mut out = Vec::new();
    for g in rows {
        if left == 0 {
            break;
        }
        let take = g.tasks.len().min(left);
        left -= take;
        out.push(ActionRows { action: g.action, number: g.number, tasks: g.tasks[..take].to_vec() });
    }
    out
}

impl TableFilter {
    /// Query parameter names, as they appear in the URL.
    pub const KEYS: [&'static str; 6] = ["action", "unit", "leader", "q", "light", "show"];

    /// Read a filter from URL query parameters; unknown ids are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let id = |k: &str| get(k).and_then(|v| Id::parse(&v));
        TableFilter {
            action: id("action"),
            unit: id("unit"),
            leader: id("leader"),
            text: get("q").unwrap_or_default(),
            light: get("light").and_then(|l| Light::parse(&l)),
            facet: get("show").and_then(|f| Facet::parse(&f)),
        }
    }

    /// The filter as URL query pairs (empty parts left out).
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        let mut put = |k, v: Option<Id>| {
            if let Some(v) = v {
                q.push((k, v.to_string()));
            }
        };
        put("action", self.action);
        put("unit", self.unit);
        put("leader", self.leader);
        if !self.text.trim().is_empty() {
            q.push(("q", self.text.clone()));
        }
        if let Some(l) = self.light {
            q.push(("light", l.key().to_string()));
        }
        if let Some(f) = self.facet {
            q.push(("show", f.key().to_string()));
        }
        q
    }

    pub fn is_empty(&self) -> bool {
        self.action.is_none()
            && self.unit.is_none()
            && self.leader.is_none()
            && self.text.trim().is_empty()
            && self.light.is_none()
            && self.facet.is_none()
    }
}

impl Plan {
    /// The rows of the responsibility table under `f`, in display order;
    /// `today` decides the lights the light filter looks at.
    pub fn table(&self, f: &TableFilter, today: NaiveDate) -> Vec<ActionRows> {
        let needle = f.text.trim().to_lowercase();
        // Lights and facets read reports: group them once, only when asked.
        let by_task = if f.light.is_some() || f.facet.is_some() { self.reports_by_task(today) } else { Default::default() };
        let open: std::collections::HashSet<Id> = if f.facet.is_some() {
            super::plan::live(&self.problems)
                .filter(|p| p.raised_on <= today && p.resolved_on.is_none_or(|d| d > today))
                .map(|p| p.task)
                .collect()
        } else {
            Default::default()
        };
        let has_problem = |id: Id| open.contains(&id);
        let mut out = Vec::new();
        for (i, a) in self.actions_in_order().into_iter().enumerate() {
            let number = self.action_no(a.id, i);
            if f.action.is_some_and(|x| x != a.id) {
                continue;
            }
            let tasks = self.tasks_of(a.id);
            let whole_action = self.action_matches(a, number, f, &needle);
            let shown: Vec<(Id, String)> = tasks
                .iter()
                .enumerate()
                .map(|(j, t)| (t, self.task_no(t.id, number, j)))
                .filter(|(t, n)| whole_action.unwrap_or(false) || self.task_matches(a, t, n, f, &needle))
                .filter(|(t, _)| f.light.is_none_or(|l| self.task_light_in(t, &known(&by_task, t.id, today)).light == l))
                .filter(|(t, _)| f.facet.is_none_or(|x| self.in_facet_in(t, x, f.unit, &known(&by_task, t.id, today), &has_problem)))
                .map(|(t, n)| (t.id, n))
                .collect();
            // An action with nothing to show is hidden, unless it matched by
            // itself (or only the action filter, already applied, is active);
            // a light or a facet speaks of tasks only.
            if !shown.is_empty() || (f.light.is_none() && f.facet.is_none() && whole_action.unwrap_or(true)) {
                out.push(ActionRows { action: a.id, number, tasks: shown });
            }
        }
        out
    }

    /// `Some(true)` when the action itself satisfies every active criterion
    /// (then all its tasks show), `Some(false)` when it satisfies none that
    /// only it could, `None` when no criterion is active.
    fn action_matches(&self, a: &KeyAction, number: usize, f: &TableFilter, needle: &str) -> Option<bool> {
        if f.unit.is_none() && f.leader.is_none() && needle.is_empty() {
            return None;
        }
        let unit_ok = f.unit.is_none_or(|u| a.leading_units.contains(&u));
        let leader_ok = f.leader.is_none_or(|p| a.leaders.contains(&p));
        let text_ok = needle.is_empty() || self.action_text_matches(a, Some(number), needle);
        Some(unit_ok && leader_ok && text_ok)
    }

    fn task_matches(&self, a: &KeyAction, t: &Task, number: &str, f: &TableFilter, needle: &str) -> bool {
        let unit_ok = f.unit.is_none_or(|u| t.involves(u) || a.leading_units.contains(&u));
        let leader_ok = f.leader.is_none_or(|p| t.person == Some(p) || a.leaders.contains(&p));
        let text_ok = needle.is_empty()
            || number == needle
            || t.title.contains(needle)
            || t.responsible.iter().chain(&t.co_organizers).any(|u| self.unit(*u).is_some_and(|u| u.name.contains(needle)))
            || t.person.and_then(|p| self.person(p)).is_some_and(|p| p.name.contains(needle))
            || self.action_text_matches(a, None, needle);
        unit_ok && leader_ok && text_ok
    }

    /// `number` is given when the action's own number may match the text.
    fn action_text_matches(&self, a: &KeyAction, number: Option<usize>, needle: &str) -> bool {
        a.title.contains(needle)
            || number.is_some_and(|n| n.to_string() == needle)
            || a.leading_units.iter().any(|u| self.unit(*u).is_some_and(|u| u.name.contains(needle)))
            || a.leaders.iter().any(|p| self.person(*p).is_some_and(|p| p.name.contains(needle)))
    }
}
