//! The weekly collection: who has reported this week, a reminder for who
//! has not, one reminder per unit to paste into a work chat, and the
//! calendar file of reminders.

use crate::app::clipboard::copy_text_of;
use crate::app::components::calendar_button::CalendarButton;
use crate::app::components::unit_reminder::UnitReminder;
use crate::app::i18n::{m_calendar as mc, m_meetings as mm, Msg, Tr};
use crate::app::state::use_state;
use crate::app::url::with_lang;
use crate::domain::Id;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn WeeklyPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let collection = Memo::new(move |_| st.plan.with(|p| p.weekly_collection(st.today.get())));
    let reminder = Memo::new(move |_| st.plan.with(|p| collection.with(|c| p.reminder_text(c, lang.get()))));
    let sheet = move |task: Id| with_lang(&format!("/task/{task}"), query.with(|q| q.get("lang")));
    let links = move |tasks: Vec<Id>| {
        if tasks.is_empty() {
            return view! { <span class="none">"—"</span> }.into_any();
        }
        let items = tasks
            .into_iter()
            .map(|t| {
                let number = st.plan.with(|p| p.task_number(t).unwrap_or_default());
                let title = st.plan.with(|p| p.task(t).map(|x| x.title.get(lang.get()).to_string()).unwrap_or_default());
                view! { <li><A href=move || sheet(t) attr:title=title attr:class="task-link">{number}</A></li> }
            })
            .collect_view();
        view! { <ul class="task-numbers">{items}</ul> }.into_any()
    };
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copy_status = RwSignal::new(None::<Msg>);
    let copy = move |_| copy_text_of(area, copy_status);
    // Each unit's reminder (only its own in a unit's browser): (unit, name,
    // nothing to say, text).
    let per_unit = Memo::new(move |_| {
        let (today, l, mine) = (st.today.get(), lang.get(), st.me.get());
        st.plan.with(|p| {
            p.reminders(today)
                .into_iter()
                .filter(|r| mine.is_none_or(|u| r.unit == u))
                .map(|r| {
                    let name = p.unit(r.unit).map(|u| u.name.get(l).to_string()).unwrap_or_default();
                    (r.unit, name, r.is_quiet(), p.reminder_message(&r, today, l))
                })
                .collect::<Vec<_>>()
        })
    });
    // The office is told which units have nothing to be reminded of; a unit
    // reads its own message, short as it is.
    let cards = move || per_unit.get().into_iter().filter(|r| !r.2 || !st.is_office()).collect::<Vec<_>>();
    let quiet = move || {
        let names: Vec<String> = per_unit.get().into_iter().filter(|r| r.2 && st.is_office()).map(|r| r.1).collect();
        names.join(if lang.get() == crate::domain::Lang::Zh { "、" } else { ", " })
    };
    view! {
        <section class="weekly-page" aria-labelledby="weekly-heading">
            <h2 id="weekly-heading">{st.tr(mm::WEEKLY)}</h2>
            <p class="week-of">
                {st.tr(mm::WEEK_FROM)} " " <strong class="date week-start">{move || collection.with(|c| c.week_start.to_string())}</strong>
                " · " {st.tr(mm::AS_OF)} " " <span class="date">{move || st.today.get().to_string()}</span>
            </p>
            <Show when=move || collection.with(|c| !c.units.is_empty()) fallback=move || view! { <p class="empty">{st.tr(mm::NOTHING_DUE)}</p> }>
                <table class="sheet-table weekly-table">
                    <caption class="visually-hidden">{st.tr(mm::WEEKLY)}</caption>
                    <thead><tr>
                        <th scope="col">{st.tr(mm::UNIT)}</th>
                        <th scope="col">{st.tr(mm::REPORTED)}</th>
                        <th scope="col">{st.tr(mm::OWED)}</th>
                    </tr></thead>
                    <tbody>
                        {move || collection.get().units.into_iter().map(|u| {
                            let name = st.plan.with(|p| p.unit(u.unit).map(|x| x.name.get(lang.get()).to_string()).unwrap_or_default());
                            let owes = !u.missing.is_empty();
                            view! {
                                <tr class:owes=owes>
                                    <th scope="row">{name}</th>
                                    <td class="reported">{links(u.reported)}</td>
                                    <td class="owed">{links(u.missing)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            <div class="reminder">
                <label for="reminder-text">{st.tr(mm::REMINDER)}</label>
                <textarea id="reminder-text" node_ref=area readonly rows="8" prop:value=move || reminder.get()></textarea>
                <div class="form-buttons no-print">
                    <button type="button" on:click=copy>{st.tr(mm::COPY)}</button>
                    <span role="status" class="status">{move || copy_status.get().map(|m| lang.get().t(m))}</span>
                </div>
            </div>
            <section class="calendar-section" aria-labelledby="calendar-heading">
                <h3 id="calendar-heading">{st.tr(mc::CALENDAR)}</h3>
                <p class="hint">{st.tr(mc::HINT)}</p>
                {move || view! { <CalendarButton unit=st.me.get() /> }}
            </section>
            <section class="unit-reminders" aria-labelledby="unit-reminders-heading">
                <h3 id="unit-reminders-heading">{move || lang.get().t(if st.is_office() { mc::PER_UNIT } else { mc::MINE })}</h3>
                <p class="hint">{st.tr(mc::PER_UNIT_HINT)}</p>
                <Show when=move || per_unit.with(|v| !v.is_empty()) fallback=move || view! { <p class="empty">{st.tr(mc::NO_UNITS)}</p> }>
                    <div class="cards">
                        <For
                            each=cards
                            key=|r| (r.0, r.3.clone())
                            children=move |(unit, name, _, text)| view! { <UnitReminder unit name text calendar=st.me.with_untracked(Option::is_none) /> }
                        />
                    </div>
                </Show>
                <Show when=move || !quiet().is_empty()>
                    <p class="quiet">{st.tr(mc::QUIET)} " " {quiet}</p>
                </Show>
            </section>
        </section>
    }
}
