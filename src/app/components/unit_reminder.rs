//! One unit's reminder, ready to paste into a work chat, with its copy
//! button (and, on the office's page, the unit's calendar).

use crate::app::clipboard::copy_text_of;
use crate::app::components::calendar_button::CalendarButton;
use crate::app::i18n::{m_calendar as mc, Msg, Tr};
use crate::app::state::use_state;
use crate::domain::Id;
use leptos::prelude::*;

#[component]
pub fn UnitReminder(
    /// The unit reminded.
    unit: Id,
    /// The unit's name in the page's language.
    name: String,
    /// The reminder, as the domain words it.
    text: String,
    /// Offer the unit's calendar beside the reminder.
    calendar: bool,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let area = NodeRef::<leptos::html::Textarea>::new();
    let status = RwSignal::new(None::<Msg>);
    let id = format!("reminder-{unit}");
    // A line or two more than it holds, for the long ones that wrap.
    let rows = (text.lines().count() + 2).clamp(3, 14);
    let label = mc::reminder_for(lang.get_untracked(), &name);
    let copy_name = mc::copy_for(lang.get_untracked(), &name);
    let download_name = mc::download_for(lang.get_untracked(), &name);
    view! {
        <article class="unit-reminder">
            <label for=id.clone()>{label}</label>
            <textarea id=id readonly rows=rows node_ref=area prop:value=text></textarea>
            <div class="form-buttons no-print">
                <button type="button" aria-label=copy_name on:click=move |_| copy_text_of(area, status)>{st.tr(crate::app::i18n::m_meetings::COPY)}</button>
                {calendar.then(|| view! { <CalendarButton unit=Some(unit) name=download_name /> })}
                <span aria-live="polite" class="status">{move || status.get().map(|m| lang.get().t(m))}</span>
            </div>
        </article>
    }
}
