//! Every edit form saves as a three-way change ([`crate::domain::three_way`]):
//! against the values it opened with, so that a field the person did not
//! touch keeps the table's current value, and a field that both the form
//! and the table changed is shown with both values and a choice. One
//! mechanism for every form: it holds what the form opened with and the
//! choices, and [`StaleChoices`] shows the clashes.

use crate::app::i18n::{m_stale, Tr};
use crate::app::state::AppState;
use crate::domain::edit::EditError;
use crate::domain::ownership::RecordKind;
use crate::domain::three_way::{base_name, three_way, Fields, Keep};
use crate::domain::{Lang, Plan, Stamp};
use crate::exchange::labels::Labels;
use crate::exchange::words::field_label;
use leptos::prelude::*;
use std::collections::HashMap;

/// One field both changed: its name and both values, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Clash {
    pub index: usize,
    pub field: String,
    pub mine: String,
    pub table: String,
}

/// A form's three-way save.
pub struct Stale<D: Send + Sync + 'static> {
    opened: StoredValue<Option<D>>,
    pub clashes: RwSignal<Vec<Clash>>,
    pub choices: RwSignal<HashMap<usize, Keep>>,
}

impl<D: Send + Sync + 'static> Clone for Stale<D> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<D: Send + Sync + 'static> Copy for Stale<D> {}

/// What a save came to.
pub enum Saved {
    /// Stored.
    Done,
    /// Fields clash: shown with a choice; nothing stored.
    Choose,
}

impl<D: Fields + Send + Sync + 'static> Stale<D> {
    /// A form opened on `opened` (the record's values then).
    pub fn new(opened: Option<D>) -> Self {
        Stale { opened: StoredValue::new(opened), clashes: RwSignal::new(Vec::new()), choices: RwSignal::new(HashMap::new()) }
    }

    /// Follow the table while the form is open: when the record changes
    /// (another tab, an import), the fields the person has not touched
    /// show the table's new values (`fill`), and the form counts from
    /// them; a field the person changed stays as typed, for [`Self::save`]
    /// to ask about. For a form that stays open (a row of Units and people).
    pub fn follow(
        &self,
        st: AppState,
        read: impl Fn(&Plan) -> Option<D> + 'static,
        typed: impl Fn() -> D + 'static,
        fill: impl Fn(&D) + 'static,
    ) {
        let this = *self;
        Effect::new(move |_| {
            let Some(current) = st.plan.with(&read) else { return };
            let Some(opened) = this.opened.get_value() else { return };
            if current == opened {
                return;
            }
            let now = typed();
            if let Ok(merged) = three_way(&opened, &now, &current, |_| None) {
                if merged != now {
                    fill(&merged);
                }
                this.opened.set_value(Some(current));
            }
        });
    }

    /// The form opened again, on `opened`: earlier clashes and choices go.
    pub fn reopen(&self, opened: Option<D>) {
        self.opened.set_value(opened);
        self.clashes.set(Vec::new());
        self.choices.set(HashMap::new());
    }

    /// Save what the person `typed`: merged with the table's values now
    /// (`read`), then kept by `commit`. A record deleted meanwhile is
    /// refused as not found.
    pub fn save(
        &self,
        st: AppState,
        typed: D,
        read: impl Fn(&Plan) -> Option<D>,
        commit: impl FnOnce(&mut Plan, D, Stamp) -> Result<(), EditError>,
    ) -> Result<Saved, EditError> {
        let Some(current) = st.plan.with_untracked(&read) else { return Err(EditError::NotFound) };
        let opened = self.opened.get_value().unwrap_or_else(|| current.clone());
        let choices = self.choices.get_untracked();
        match three_way(&opened, &typed, &current, |i| choices.get(&i).copied()) {
            Ok(d) => {
                let typed = typed.clone();
                st.edit(|p, s| commit(p, d, s))?;
                // The form now counts from what it shows: a form that
                // follows the table then takes in what the merge kept of
                // the table's values ([`Self::follow`]); the next save
                // again keeps every field the person did not touch.
                self.opened.set_value(Some(typed));
                self.clashes.set(Vec::new());
                self.choices.set(HashMap::new());
                Ok(Saved::Done)
            }
            Err(at) => {
                let l = st.lang.get_untracked();
                let clashes = st.plan.with_untracked(|p| {
                    let labels = Labels::of(p);
                    let words = |d: &D, i: usize| labels.value(D::KIND, base_name(D::NAMES[i]).0, &d.value(i), l);
                    at.iter()
                        .map(|&i| Clash {
                            index: i,
                            field: field_name(D::KIND, D::NAMES[i], l),
                            mine: words(&typed, i),
                            table: words(&current, i),
                        })
                        .collect()
                });
                self.clashes.set(clashes);
                Ok(Saved::Choose)
            }
        }
    }
}

/// A draft field's name in words: the record's field label, and for a text
/// the language it is in ("名称（英文）", "Title (English)").
fn field_name(kind: RecordKind, name: &str, l: Lang) -> String {
    let (base, lang) = base_name(name);
    let label = field_label(kind, base, l);
    match (lang, l) {
        (None, _) => label.into(),
        (Some(Lang::Zh), Lang::Zh) => format!("{label}（中文）"),
        (Some(Lang::En), Lang::Zh) => format!("{label}（英文）"),
        (Some(Lang::Zh), Lang::En) => format!("{label} (Chinese)"),
        (Some(Lang::En), Lang::En) => format!("{label} (English)"),
    }
}

/// The clashes of a form, each with both values and a choice; the person
/// then saves again. Focus moves here when they appear.
#[component]
pub fn StaleChoices(
    /// The clashing fields.
    clashes: RwSignal<Vec<Clash>>,
    /// The person's choices, by field.
    choices: RwSignal<HashMap<usize, Keep>>,
) -> impl IntoView {
    let st = crate::app::state::use_state();
    let lang = st.lang;
    let box_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if clashes.with(|c| !c.is_empty()) {
            if let Some(el) = box_ref.get() {
                let _ = el.focus();
            }
        }
    });
    let pick = move |i: usize, k: Keep| {
        choices.update(|c| {
            c.insert(i, k);
        })
    };
    view! {
        <Show when=move || clashes.with(|c| !c.is_empty())>
            <div class="form-errors stale-choices" role="alert" tabindex="-1" node_ref=box_ref>
                <p>{st.tr(m_stale::MOVED)}</p>
                <For each=move || clashes.get() key=|c| (c.index, c.mine.clone(), c.table.clone()) let(c)>
                    <fieldset>
                        <legend>{c.field.clone()}</legend>
                        <label>
                            <input type="radio" name=format!("stale-{}", c.index) prop:checked=move || choices.with(|x| x.get(&c.index) == Some(&Keep::Mine)) on:change=move |_| pick(c.index, Keep::Mine) />
                            {move || format!("{}{}", lang.get().t(m_stale::MINE), colon(lang.get()))} <q>{c.mine.clone()}</q>
                        </label>
                        <label>
                            <input type="radio" name=format!("stale-{}", c.index) prop:checked=move || choices.with(|x| x.get(&c.index) == Some(&Keep::Table)) on:change=move |_| pick(c.index, Keep::Table) />
                            {move || format!("{}{}", lang.get().t(m_stale::TABLE), colon(lang.get()))} <q>{c.table.clone()}</q>
                        </label>
                    </fieldset>
                </For>
            </div>
        </Show>
    }
}

/// The language's colon, before a clash's value.
fn colon(l: Lang) -> &'static str {
    if l == Lang::Zh {
        "："
    } else {
        ": "
    }
}
