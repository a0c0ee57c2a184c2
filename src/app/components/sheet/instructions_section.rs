//! Leaders' instructions (领导批示) on a task's sheet: the office records
//! them; a unit of the task answers each with what it did (落实情况).

use super::section::{SheetSection, SheetTable};
use crate::app::components::form_parts::{parse_date, show_outcome, FormErrors};
use crate::app::components::picker::Picker;
use crate::app::i18n::{m, m_workflow as mw};
use crate::app::state::use_state;
use crate::domain::instructions::InstructionDraft;
use crate::domain::plan::live;
use crate::domain::Id;
use leptos::prelude::*;

/// One instruction as the table shows it.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Row {
    id: Id,
    leader: String,
    given: String,
    text: String,
    due: String,
    answers: Vec<String>,
}

#[component]
pub fn InstructionsSection(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let rows = Memo::new(move |_| {
        let l = lang.get();
        st.plan.with(|p| {
            live(&p.instructions)
                .filter(|i| i.task == task)
                .map(|i| {
                    let problem = i.problem.and_then(|x| p.problems.iter().find(|y| y.id == x)).map(|x| x.description.clone());
                    Row {
                        id: i.id,
                        leader: p.person(i.leader).map(|x| x.name.get(l).to_string()).unwrap_or_default(),
                        given: i.given_on.to_string(),
                        text: match problem {
                            Some(x) => format!("{}（{}：{x}）", i.text, l_t(l, mw::ON_PROBLEM)),
                            None => i.text.clone(),
                        },
                        due: i.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into()),
                        answers: p
                            .answers_to(i.id)
                            .into_iter()
                            .map(|(r, a)| {
                                let unit = p.unit(r.unit).map(|u| u.name.get(l).to_string()).unwrap_or_default();
                                format!("{} {unit}：{}", r.date, a.text)
                            })
                            .collect(),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    // A unit of the task answers; the office records.
    let answers = Memo::new(move |_| st.me.get().is_some_and(|u| st.plan.with(|p| p.task(task).is_some_and(|t| t.involves(u)))));
    let office = move || st.is_office();
    view! {
        <SheetSection id="instructions-heading" heading=mw::INSTRUCTIONS>
            <SheetTable columns=vec![(mw::COL_LEADER, false), (mw::COL_GIVEN, false), (mw::COL_TEXT, false), (mw::COL_DUE, false), (mw::COL_ANSWER, false)]
                empty=Signal::derive(move || rows.with(|r| r.is_empty())) empty_text=mw::NO_INSTRUCTIONS>
                <For each=move || rows.get() key=|r| r.clone() children=move |r| {
                    let open = r.answers.is_empty();
                    view! {
                        <tr class:open=open>
                            <td>{r.leader}</td>
                            <td>{r.given}</td>
                            <td class="prose">{r.text}</td>
                            <td>{r.due}</td>
                            <td class="prose">
                                {if open { view! { <span class="not-answered">{st.tr(mw::NOT_ANSWERED)}</span> }.into_any() } else {
                                    r.answers.into_iter().map(|a| view! { <p>{a}</p> }).collect_view().into_any()
                                }}
                                <Show when=move || answers.get()>
                                    <AnswerForm instruction=r.id />
                                </Show>
                            </td>
                        </tr>
                    }
                } />
            </SheetTable>
            <Show when=office>
                <InstructionForm task />
            </Show>
        </SheetSection>
    }
}

fn l_t(l: crate::domain::Lang, msg: crate::app::i18n::Msg) -> &'static str {
    crate::app::i18n::Tr::t(l, msg)
}

/// A unit's answer to one instruction.
#[component]
fn AnswerForm(
    /// The instruction answered.
    instruction: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(unit) = st.me.get_untracked() else { return };
        let on = st.today.get_untracked();
        let r = st.edit(|p, s| p.answer_instruction(instruction, unit, on, text.get_untracked(), s).map(|_| ()));
        if show_outcome(errors, m::FIX_THESE, lang.get_untracked(), r) {
            text.set(String::new());
        }
    };
    view! {
        <form class="answer-form no-print" on:submit=send>
            <label>{st.tr(mw::COL_ANSWER)}<textarea rows="2" bind:value=text></textarea></label>
            <button type="submit">{st.tr(mw::ANSWER)}</button>
            <FormErrors errors />
        </form>
    }
}

/// The office records a leader's instruction on the task or one of its problems.
#[component]
fn InstructionForm(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let leader = RwSignal::new(None::<Id>);
    let problem = RwSignal::new(None::<Id>);
    let given = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<String>::new());
    let leaders = Signal::derive(move || st.plan.with(|p| p.leader_choices(lang.get())));
    let problems = Signal::derive(move || {
        st.plan.with(|p| live(&p.problems).filter(|x| x.task == task).map(|x| (x.id, x.description.clone())).collect::<Vec<_>>())
    });
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = InstructionDraft {
            task,
            problem: problem.get_untracked(),
            leader: leader.get_untracked(),
            given_on: parse_date(&given.get_untracked()).unwrap_or_else(|| st.today.get_untracked()),
            text: text.get_untracked(),
            due: parse_date(&due.get_untracked()),
        };
        if show_outcome(errors, m::FIX_THESE, lang.get_untracked(), st.edit(|p, s| p.record_instruction(d, s).map(|_| ()))) {
            text.set(String::new());
        }
    };
    view! {
        <form class="inline-form no-print instruction-form" on:submit=record aria-labelledby="instruction-form-heading">
            <h4 id="instruction-form-heading">{st.tr(mw::RECORD_INSTRUCTION)}</h4>
            <Picker label=mw::COL_LEADER options=leaders value=leader.into() on_change=Callback::new(move |v| leader.set(v)) empty=m::NONE />
            <label>{st.tr(mw::COL_GIVEN)}<input type="date" bind:value=given /></label>
            <label class="wide">{st.tr(mw::COL_TEXT)}<textarea rows="2" bind:value=text></textarea></label>
            <label>{st.tr(mw::COL_DUE)}<input type="date" bind:value=due /></label>
            <Picker label=mw::ON_PROBLEM options=problems value=problem.into() on_change=Callback::new(move |v| problem.set(v)) empty=mw::WHOLE_TASK />
            <button type="submit">{st.tr(mw::RECORD_INSTRUCTION)}</button>
            <FormErrors errors />
        </form>
    }
}
