//! Risks and hidden dangers (风险隐患), bottom-line thinking: recorded per
//! task with level, category, mitigation and owner; closed, never removed.

use super::section::{SheetSection, SheetTable};
use crate::app::components::form_parts::{show_outcome, FormErrors};
use crate::app::components::picker::Picker;
use crate::app::i18n::{m, risk_category, risk_level, risk_status};
use crate::app::state::use_state;
use crate::domain::plan::live;
use crate::domain::task_edit::RiskDraft;
use crate::domain::{Id, RiskCategory, RiskLevel, RiskStatus};
use leptos::prelude::*;

#[component]
pub fn RisksSection(
    /// The task.
    task: Id,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let rows = Memo::new(move |_| {
        st.plan.with(|p| {
            live(&p.risks)
                .filter(|r| r.task == task)
                .map(|r| {
                    (
                        r.id,
                        r.description.clone(),
                        r.level,
                        r.category,
                        r.mitigation.clone(),
                        r.owner.and_then(|u| p.unit(u)).map(|u| u.name.get(lang.get()).to_string()).unwrap_or_default(),
                        r.status,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let description = RwSignal::new(String::new());
    let mitigation = RwSignal::new(String::new());
    let level = RwSignal::new(0usize);
    let category = RwSignal::new(0usize);
    let owner = RwSignal::new(None::<Id>);
    let errors = RwSignal::new(Vec::<String>::new());
    let units = Signal::derive(move || st.plan.with(|p| p.unit_choices(lang.get())));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = RiskDraft {
            task,
            description: description.get_untracked(),
            level: RiskLevel::ALL[level.get_untracked().min(3)],
            category: RiskCategory::ALL[category.get_untracked().min(5)],
            mitigation: mitigation.get_untracked().trim().into(),
            owner: owner.get_untracked(),
        };
        if show_outcome(errors, m::FIX_THESE, lang.get_untracked(), st.edit(|p, s| p.add_risk(d, s).map(|_| ()))) {
            description.set(String::new());
            mitigation.set(String::new());
        }
    };
    let may_risk = move || st.may(crate::domain::ownership::RecordKind::Risk, Some(task), None, crate::domain::ownership::Act::Add);
    let set_status = move |id: Id, i: usize| {
        let _ = st.edit(|p, s| p.set_risk_status(id, RiskStatus::ALL[i.min(2)], s));
    };
    view! {
        <SheetSection id="risks-heading" heading=m::RISKS>
            <SheetTable columns=vec![(m::DESCRIPTION, false), (m::LEVEL, false), (m::CATEGORY, false), (m::MITIGATION, false), (m::OWNER, false), (m::STATUS, false)] empty=Signal::derive(move || rows.with(|r| r.is_empty())) empty_text=m::NO_RISKS>
                    <For each=move || rows.get() key=|r| r.clone() children=move |(id, d, lv, cat, mit, own, status)| {
                            let desc = d.clone();
                            view! {
                                <tr>
                                    <td>{d}</td>
                                    <td>{move || risk_level(lang.get(), lv)}</td>
                                    <td>{move || risk_category(lang.get(), cat)}</td>
                                    <td>{mit}</td>
                                    <td>{own}</td>
                                    <td>
                                        <select disabled=move || !may_risk() aria-label=move || format!("{}: {desc}", crate::app::i18n::Tr::t(lang.get(), m::STATUS)) on:change=move |ev| set_status(id, event_target_value(&ev).parse().unwrap_or(0))>
                                            {RiskStatus::ALL.into_iter().enumerate().map(|(i, s)| view! {
                                                <option value=i.to_string() selected=s == status>{move || risk_status(lang.get(), s)}</option>
                                            }).collect_view()}
                                        </select>
                                    </td>
                                </tr>
                            }
                        } />
                </SheetTable>
            <Show when=may_risk fallback=move || view! { <p class="hint set-by no-print">{st.tr(crate::app::i18n::m_owner::SET_BY_LEAD)}</p> }>
            <form class="inline-form no-print" on:submit=add>
                <label>{st.tr(m::DESCRIPTION)}<input type="text" bind:value=description /></label>
                <label>
                    {st.tr(m::LEVEL)}
                    <select on:change=move |ev| level.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {RiskLevel::ALL.into_iter().enumerate().map(|(i, v)| view! { <option value=i.to_string() prop:selected=move || level.get() == i>{move || risk_level(lang.get(), v)}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    {st.tr(m::CATEGORY)}
                    <select on:change=move |ev| category.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {RiskCategory::ALL.into_iter().enumerate().map(|(i, v)| view! { <option value=i.to_string() prop:selected=move || category.get() == i>{move || risk_category(lang.get(), v)}</option> }).collect_view()}
                    </select>
                </label>
                <label>{st.tr(m::MITIGATION)}<input type="text" bind:value=mitigation /></label>
                <Picker label=m::OWNER options=units value=owner.into() on_change=Callback::new(move |v| owner.set(v)) empty=m::NONE />
                <button type="submit">{st.tr(m::ADD_RISK)}</button>
                <FormErrors errors />
            </form>
            </Show>
        </SheetSection>
    }
}
