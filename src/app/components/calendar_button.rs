//! The button that downloads a calendar file (`.ics`) of reminders.

use crate::app::exchange::download;
use crate::app::i18n::m_calendar as mc;
use crate::app::state::use_state;
use crate::domain::file_name::{file_name, Ext, FileKind};
use crate::domain::Id;
use leptos::prelude::*;

/// Downloads the calendar of a unit, or of the office, as of the page's day.
#[component]
pub fn CalendarButton(
    /// Whose calendar: a unit's, or `None` for the office's.
    unit: Option<Id>,
    /// The accessible name, when the button's words alone would not say
    /// whose calendar it is (one button per unit); begins with its words.
    #[prop(optional, into)]
    name: Option<Signal<String>>,
) -> impl IntoView {
    let st = use_state();
    let save = move |_| {
        let (lang, today) = (st.lang.get_untracked(), st.today.get_untracked());
        let (text, file) = st.plan.with_untracked(|p| {
            (p.calendar(unit, lang, today, chrono::Utc::now()), file_name(p, FileKind::Calendar, unit, lang, Ext::Ics))
        });
        download(&text, &file, "text/calendar;charset=utf-8");
    };
    view! {
        <button type="button" class="calendar-download" aria-label=move || name.map(|n| n.get()) on:click=save>
            {st.tr(mc::DOWNLOAD)}
        </button>
    }
}
