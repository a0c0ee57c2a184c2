//! Deadline extensions (延期申请) and closure review (办结销号) on a task's
//! sheet: what was asked, how the office ruled; a responsible unit asks
//! here, and the office rules here.

use super::section::{SheetSection, SheetTable};
use crate::app::components::form_parts::{parse_date, show_outcome, FormErrors};
use crate::app::i18n::{m, m_workflow as mw, Tr};
use crate::app::state::use_state;
use crate::domain::plan::live;
use crate::domain::requests::{ClosureDraft, Decision, ExtensionDraft};
use crate::domain::Id;
use leptos::prelude::*;

/// One request as the table shows it.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: Id,
    asked: String,
    what: String,
    grounds: String,
    ruling: String,
    pending: bool,
    closure: bool,
}

#[component]
pub fn RequestsSection(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let rows = Memo::new(move |_| {
        let l = lang.get();
        st.plan.with(|p| {
            p.requests_of(task)
                .iter()
                .map(|q| Row {
                    id: q.report.id,
                    asked: format!("{} · {}", q.report.date, p.unit(q.report.unit).map(|u| u.name.get(l).to_string()).unwrap_or_default()),
                    what: mw::request_text(l, p, q),
                    grounds: q
                        .report
                        .extension
                        .as_ref()
                        .map(|x| x.reason.clone())
                        .or_else(|| q.report.closure.as_ref().map(|c| c.summary.clone()))
                        .unwrap_or_default(),
                    ruling: mw::ruling_text(l, q),
                    pending: q.decision() == Decision::Pending,
                    closure: q.report.closure.is_some(),
                })
                .collect::<Vec<_>>()
        })
    });
    let returns = Memo::new(move |_| st.plan.with(|p| p.closure_returns(task)));
    // A responsible unit of the task asks; the office rules.
    let asks = Memo::new(move |_| st.me.get().is_some_and(|u| st.plan.with(|p| p.task(task).is_some_and(|t| t.may_ask(u)))));
    let office = move || st.is_office();
    view! {
        <SheetSection id="requests-heading" heading=mw::REQUESTS>
            <SheetTable columns=vec![(mw::COL_ASKED, false), (mw::COL_REQUEST, false), (mw::COL_GROUNDS, false), (mw::COL_STATE, false)]
                empty=Signal::derive(move || rows.with(|r| r.is_empty())) empty_text=mw::NO_REQUESTS>
                <For each=move || rows.get() key=|r| r.clone() children=move |r| {
                    let ruling = r.ruling.clone();
                    view! {
                        <tr class:pending=r.pending>
                            <td>{r.asked}</td>
                            <td>{r.what}</td>
                            <td class="prose">{r.grounds}</td>
                            <td>
                                {ruling}
                                <Show when=move || r.pending && office()>
                                    <RuleForm request=r.id closure=r.closure />
                                </Show>
                            </td>
                        </tr>
                    }
                } />
            </SheetTable>
            <Show when=move || { returns.get() > 0 }>
                <p class="returns">{st.tr(mw::RETURNED_TIMES)} {if lang.get_untracked() == crate::domain::Lang::Zh { "：" } else { ": " }} {move || returns.get()}</p>
            </Show>
            <Show when=move || asks.get() fallback=move || view! { <p class="hint set-by no-print">{st.tr(mw::ONLY_RESPONSIBLE)}</p> }>
                <ExtensionForm task />
                <ClosureForm task />
            </Show>
        </SheetSection>
    }
}

/// The office's ruling on one pending request: a reason (needed to refuse)
/// and the two answers.
#[component]
fn RuleForm(
    /// The report that carries the request.
    request: Id,
    /// A closure (accept / return) rather than an extension (approve / reject).
    closure: bool,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let rule = move |approved: bool| {
        let on = st.today.get_untracked();
        let r = st.edit(|p, s| p.rule(request, approved, reason.get_untracked(), on, s).map(|_| ()));
        show_outcome(errors, m::FIX_THESE, lang.get_untracked(), r);
    };
    let (yes, no) = if closure { (mw::ACCEPT, mw::RETURN) } else { (mw::APPROVE, mw::REJECT) };
    view! {
        <div class="rule-form no-print">
            <label>{st.tr(mw::RULING_REASON)}<input type="text" bind:value=reason /></label>
            <button type="button" class="approve" on:click=move |_| rule(true)>{st.tr(yes)}</button>
            <button type="button" class="refuse" on:click=move |_| rule(false)>{st.tr(no)}</button>
            <FormErrors errors />
        </div>
    }
}

/// A responsible unit asks to move the task's deadline or a milestone's.
#[component]
fn ExtensionForm(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let which = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let choices = Memo::new(move |_| {
        let l = lang.get();
        st.plan.with(|p| {
            let Some(t) = p.task(task) else { return vec![] };
            let mut v =
                vec![(String::new(), format!("{} ({})", l.t(mw::THE_TASK), t.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into())))];
            v.extend(live(&t.milestones).filter(|m| m.done_on.is_none()).map(|m| {
                (m.id.to_string(), format!("{} ({})", m.title.get(l), m.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into())))
            }));
            v
        })
    });
    let ask = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(unit) = st.me.get_untracked() else { return };
        let d = ExtensionDraft {
            task,
            unit,
            date: st.today.get_untracked(),
            milestone: Id::parse(&which.get_untracked()),
            to: parse_date(&to.get_untracked()),
            reason: reason.get_untracked(),
        };
        if show_outcome(errors, m::FIX_THESE, lang.get_untracked(), st.edit(|p, s| p.ask_extension(d, s).map(|_| ()))) {
            to.set(String::new());
            reason.set(String::new());
        }
    };
    view! {
        <form class="inline-form no-print extension-form" on:submit=ask aria-labelledby="extension-form-heading">
            <h4 id="extension-form-heading">{st.tr(mw::ASK_EXTENSION)}</h4>
            <label>
                {st.tr(mw::EXTEND_WHAT)}
                <select on:change=move |ev| which.set(event_target_value(&ev))>
                    {move || choices.get().into_iter().map(|(v, name)| {
                        let selected = v == which.get_untracked();
                        view! { <option value=v selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{st.tr(mw::NEW_DUE)}<input type="date" bind:value=to /></label>
            <label class="wide">{st.tr(mw::REASON)}<input type="text" bind:value=reason /></label>
            <button type="submit">{st.tr(mw::ASK_EXTENSION)}</button>
            <FormErrors errors />
        </form>
    }
}

/// A responsible unit applies to close the task, saying what was done.
#[component]
fn ClosureForm(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let done_on = RwSignal::new(String::new());
    let summary = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(unit) = st.me.get_untracked() else { return };
        let d = ClosureDraft {
            task,
            unit,
            date: st.today.get_untracked(),
            done_on: parse_date(&done_on.get_untracked()),
            summary: summary.get_untracked(),
        };
        if show_outcome(errors, m::FIX_THESE, lang.get_untracked(), st.edit(|p, s| p.apply_closure(d, s).map(|_| ()))) {
            summary.set(String::new());
        }
    };
    view! {
        <form class="inline-form no-print closure-form" on:submit=apply aria-labelledby="closure-form-heading">
            <h4 id="closure-form-heading">{st.tr(mw::APPLY_CLOSURE)}</h4>
            <label>{st.tr(mw::DONE_ON)}<input type="date" bind:value=done_on /></label>
            <label class="wide">{st.tr(mw::SUMMARY)}<textarea rows="2" bind:value=summary></textarea></label>
            <p class="hint">{st.tr(mw::CLOSURE_HINT)}</p>
            <button type="submit">{st.tr(mw::APPLY_CLOSURE)}</button>
            <FormErrors errors />
        </form>
    }
}
