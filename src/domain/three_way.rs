//! Saving a form over a table that may have moved on (another tab, an
//! import) while the form was open: a three-way change of the values the
//! form opened with, the values it holds now, and the table's values now.
//!
//! A field the person did not touch takes the table's current value; a
//! field only the person changed takes the person's; a field both changed
//! to different values is a clash, saved only once the person has chosen.
//! Every form that edits a record saves through [`three_way`]: the rule is
//! here once, and each draft type only names its fields ([`fields!`]).

use super::ownership::RecordKind;
use serde_json::Value;

/// A form's draft, field by field: what [`fields!`] writes for a draft type.
pub trait Fields: Clone + PartialEq {
    /// The kind of record the form edits (for the fields' names in words).
    const KIND: RecordKind;
    /// The fields' names, as the record (and the exchange file) names them.
    const NAMES: &'static [&'static str];
    /// Whether field `i` holds the same value in both.
    fn same(&self, other: &Self, i: usize) -> bool;
    /// Field `i` set to `from`'s value.
    fn take(&mut self, from: &Self, i: usize);
    /// Field `i`'s value as the exchange file writes it, to be put in
    /// words by the same labels the import preview uses.
    fn value(&self, i: usize) -> Value;
}

/// Which value a clashing field keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// The value typed in the form.
    Mine,
    /// The table's current value.
    Table,
}

/// The merged draft, or the fields that clash and have no choice yet.
pub fn three_way<D: Fields>(opened: &D, typed: &D, current: &D, choice: impl Fn(usize) -> Option<Keep>) -> Result<D, Vec<usize>> {
    let mut out = typed.clone();
    let mut clashes = Vec::new();
    for i in 0..D::NAMES.len() {
        let mine = !opened.same(typed, i);
        let theirs = !opened.same(current, i);
        match (mine, theirs) {
            (false, _) => out.take(current, i),
            (true, false) => {}
            (true, true) if typed.same(current, i) => {}
            (true, true) => match choice(i) {
                Some(Keep::Mine) => {}
                Some(Keep::Table) => out.take(current, i),
                None => clashes.push(i),
            },
        }
    }
    if clashes.is_empty() {
        Ok(out)
    } else {
        Err(clashes)
    }
}

/// `Fields` for a draft type, by the names of its fields in order; a text
/// in two languages is two fields, so that one tab's Chinese and another's
/// English never clash: `fields!(ActionDraft, RecordKind::Action, [title.zh, title.en, field]);`.
#[macro_export]
macro_rules! fields {
    ($ty:ty, $kind:expr, [$($($f:ident).+),* $(,)?]) => {
        impl $crate::domain::three_way::Fields for $ty {
            const KIND: $crate::domain::ownership::RecordKind = $kind;
            const NAMES: &'static [&'static str] = &[$(stringify!($($f).+)),*];
            fn same(&self, other: &Self, i: usize) -> bool {
                let mut n = 0usize;
                $( if i == n { return self.$($f).+ == other.$($f).+; } n += 1; )*
                let _ = n;
                true
            }
            fn take(&mut self, from: &Self, i: usize) {
                let mut n = 0usize;
                $( if i == n { self.$($f).+ = from.$($f).+.clone(); return; } n += 1; )*
                let _ = n;
            }
            fn value(&self, i: usize) -> serde_json::Value {
                let mut n = 0usize;
                $( if i == n { return serde_json::to_value(&self.$($f).+).unwrap_or_default(); } n += 1; )*
                let _ = n;
                serde_json::Value::Null
            }
        }
    };
}

/// A field's name without the language of a text: "title.zh" is "title",
/// and the language, when there is one.
pub fn base_name(name: &str) -> (&str, Option<super::Lang>) {
    let name = name.trim();
    match name.split_once('.') {
        Some((base, lang)) => (
            base.trim(),
            match lang.trim() {
                "zh" => Some(super::Lang::Zh),
                "en" => Some(super::Lang::En),
                _ => None,
            },
        ),
        None => (name, None),
    }
}
