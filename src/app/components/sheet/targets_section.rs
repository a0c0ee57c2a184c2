//! Quantitative targets: baseline, target, the latest reading and progress.

use super::section::{SheetSection, SheetTable};
use crate::app::components::form_parts::{parse_number, show_outcome, FormErrors};
use crate::app::components::stale::{Saved, Stale, StaleChoices};
use crate::app::i18n::{m, m_owner, Tr};
use crate::app::state::use_state;
use crate::domain::ownership::{Act, RecordKind};
use crate::domain::plan::live;
use crate::domain::task_edit::TargetDraft;
use crate::domain::{Direction, Id, Lang, Text};
use leptos::prelude::*;

pub use crate::domain::numbers::plain as number;

/// What a target form holds, as typed: the add form and the edit form share it.
#[derive(Clone, Copy)]
struct TargetFields {
    name: RwSignal<String>,
    measure: RwSignal<String>,
    baseline: RwSignal<String>,
    target: RwSignal<String>,
    at_most: RwSignal<bool>,
}

impl TargetFields {
    fn new(name: String, measure: String, baseline: String, target: String, at_most: bool) -> Self {
        TargetFields {
            name: RwSignal::new(name),
            measure: RwSignal::new(measure),
            baseline: RwSignal::new(baseline),
            target: RwSignal::new(target),
            at_most: RwSignal::new(at_most),
        }
    }

    /// The draft, the name typed in `l` kept beside the other language's
    /// name of `was`; `None` when the target value is not a number.
    fn draft(&self, l: Lang, was: &Text) -> Option<TargetDraft> {
        let value = parse_number(&self.target.get_untracked())?;
        let n = self.name.get_untracked();
        Some(TargetDraft {
            name: if l == Lang::Zh { Text::new(n.trim(), &was.en) } else { Text::new(&was.zh, n.trim()) },
            measure: self.measure.get_untracked().trim().into(),
            baseline: parse_number(&self.baseline.get_untracked()),
            target: value,
            direction: if self.at_most.get_untracked() { Direction::AtMost } else { Direction::AtLeast },
        })
    }

    fn clear(&self) {
        [self.name, self.measure, self.baseline, self.target].iter().for_each(|s| s.set(String::new()));
    }
}

/// A target form's inputs: name, measure, baseline, direction, value.
#[component]
fn TargetInputs(
    /// The form's values.
    fields: TargetFields,
) -> impl IntoView {
    let st = use_state();
    let TargetFields { name, measure, baseline, target, at_most } = fields;
    view! {
        <label>{st.tr(m::TARGET)}<input type="text" bind:value=name /></label>
        <label>{st.tr(m::MEASURE)}<input type="text" bind:value=measure /></label>
        <label>{st.tr(m::BASELINE)}<input type="number" step="any" bind:value=baseline /></label>
        <label>
            {st.tr(m::DIRECTION)}
            <select on:change=move |ev| at_most.set(event_target_value(&ev) == "at_most")>
                <option value="at_least" prop:selected=move || !at_most.get()>{st.tr(m::AT_LEAST)}</option>
                <option value="at_most" prop:selected=move || at_most.get()>{st.tr(m::AT_MOST)}</option>
            </select>
        </label>
        <label>{st.tr(m::TARGET_VALUE)}<input type="number" step="any" bind:value=target /></label>
    }
}

#[component]
pub fn TargetsSection(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let rows = Memo::new(move |_| {
        st.plan.with(|p| {
            let l = lang.get();
            p.task(task)
                .map(|t| {
                    live(&t.targets)
                        .map(|x| {
                            let current = p.target_current(task, x.id, st.today.get());
                            let progress = p.target_progress(task, x, st.today.get());
                            let dir = l.t(if x.direction == Direction::AtLeast { m::AT_LEAST } else { m::AT_MOST });
                            (
                                x.id,
                                x.name.get(l).to_string(),
                                x.measure.clone(),
                                x.baseline.map(number),
                                format!("{dir} {}", number(x.target)),
                                current.map(number),
                                progress.map(|v| format!("{} %", crate::domain::numbers::fixed(v * 100.0, 0))),
                            )
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let fields = TargetFields::new(String::new(), String::new(), String::new(), String::new(), false);
    let errors = RwSignal::new(Vec::<String>::new());
    let editing = RwSignal::new(None::<Id>);
    provide_context(EditingTarget(editing));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let Some(draft) = fields.draft(l, &Text::default()) else {
            errors.set(vec![l.t(m::FIX_THESE).into(), l.t(m::TARGET_VALUE).into()]);
            return;
        };
        if show_outcome(errors, m::FIX_THESE, l, st.edit(|p, s| p.add_target(task, draft, s).map(|_| ()))) {
            fields.clear();
        }
    };
    view! {
        <SheetSection id="targets-heading" heading=m::TARGETS>
            <SheetTable columns=vec![(m::TARGET, false), (m::MEASURE, false), (m::BASELINE, false), (m::TARGET_VALUE, false), (m::CURRENT, false), (m::PROGRESS, false), (m::COL_ACTIONS, true)] empty=Signal::derive(move || rows.with(|r| r.is_empty())) empty_text=m::NO_TARGETS>
                    <For each=move || rows.get() key=|r| r.clone() children=move |(id, name, measure, baseline, target, current, progress)| view! {
                            <tr>
                                <td>{name.clone()}</td><td>{measure}</td><td>{baseline}</td><td>{target}</td><td>{current}</td><td>{progress}</td>
                                <td class="no-print"><TargetButtons task id name /></td>
                            </tr>
                        } />
                </SheetTable>
            {move || editing.get().map(|id| view! { <TargetEdit task id on_done=Callback::new(move |_| editing.set(None)) /> })}
            <Show when=move || st.may(RecordKind::Target, Some(task), None, Act::Add) fallback=move || view! { <p class="hint set-by no-print">{st.tr(m_owner::SET_BY_LEAD)}</p> }>
            <form class="inline-form no-print" on:submit=add>
                <TargetInputs fields />
                <button type="submit">{st.tr(m::ADD_TARGET)}</button>
                <FormErrors errors />
            </form>
            </Show>
        </SheetSection>
    }
}

/// The target being edited on this sheet, shared by its rows' buttons.
#[derive(Clone, Copy)]
struct EditingTarget(RwSignal<Option<Id>>);

/// A target's own buttons: edit and delete, for whoever may (the lead unit
/// that added it, or the office); else who sets it.
#[component]
fn TargetButtons(
    /// The task.
    task: Id,
    /// The target.
    id: Id,
    /// Its name, for the buttons' accessible names.
    name: String,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let EditingTarget(editing) = expect_context::<EditingTarget>();
    let author = move || st.plan.with(|p| p.task(task).and_then(|t| t.targets.iter().find(|x| x.id == id)).and_then(|x| x.added_by));
    let may = move || st.may(RecordKind::Target, Some(task), author(), Act::Change("target"));
    let name = StoredValue::new(name);
    let named = move |verb: crate::app::i18n::Msg| move || format!("{} {}", lang.get().t(verb), name.get_value());
    let delete = move |_| {
        if crate::app::components::row_buttons::confirm(lang.get_untracked(), m_owner::DELETE_TARGET) {
            let _ = st.edit(|p, s| p.delete_target(task, id, s));
        }
    };
    view! {
        <Show when=may fallback=move || view! { <span class="set-by">{st.tr(if author().is_some() { m_owner::SET_BY_LEAD } else { m_owner::SET_BY_OFFICE })}</span> }>
            <button type="button" on:click=move |_| editing.set(Some(id)) aria-label=named(m_owner::EDIT_TARGET)>{st.tr(m::EDIT)}</button>
            " "
            <button type="button" class="danger" on:click=delete aria-label=named(m_owner::DELETE_TARGET)>{st.tr(m::DELETE)}</button>
        </Show>
    }
}

/// The form that edits one target.
#[component]
fn TargetEdit(
    /// The task.
    task: Id,
    /// The target.
    id: Id,
    /// Closes the form.
    on_done: Callback<()>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let was = st.plan.with_untracked(|p| p.task(task).and_then(|t| t.targets.iter().find(|x| x.id == id)).cloned());
    let Some(was) = was else { return ().into_any() };
    let l = lang.get_untracked();
    let fields = TargetFields::new(
        was.name.get(l).to_string(),
        was.measure.clone(),
        was.baseline.map(number).unwrap_or_default(),
        number(was.target),
        was.direction == Direction::AtMost,
    );
    let errors = RwSignal::new(Vec::<String>::new());
    let stale = Stale::new(st.plan.with_untracked(|p| p.target_draft(task, id)));
    let heading = format!("{} {}", l.t(m_owner::EDIT_TARGET), was.name.get(l));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let Some(draft) = fields.draft(l, &was.name) else {
            errors.set(vec![l.t(m::FIX_THESE).into(), l.t(m::TARGET_VALUE).into()]);
            return;
        };
        match stale.save(st, draft, move |p| p.target_draft(task, id), move |p, d, s| p.update_target(task, id, d, s)) {
            Ok(Saved::Done) => on_done.run(()),
            Ok(Saved::Choose) => errors.set(vec![]),
            Err(e) => {
                show_outcome(errors, m::FIX_THESE, l, Err(e));
            }
        }
    };
    view! {
        <form class="inline-form no-print" on:submit=save aria-label=heading>
            <TargetInputs fields />
            <StaleChoices clashes=stale.clashes choices=stale.choices />
            <button type="submit" class="primary">{st.tr(m_owner::SAVE)}</button>
            <button type="button" on:click=move |_| on_done.run(())>{st.tr(m_owner::CANCEL)}</button>
            <FormErrors errors />
        </form>
    }
    .into_any()
}
