//! The fields every plan starts with — title in both languages, year and
//! kick-off — shared by the new-plan form and Settings → Plan details.

use crate::app::i18n::{m_plan as mp, Msg, Tr};
use crate::app::state::use_state;
use crate::domain::{Lang, Text};
use chrono::NaiveDate;
use leptos::prelude::*;

/// What was typed into the fields.
#[derive(Clone, Copy)]
pub struct HeadInputs {
    pub zh: RwSignal<String>,
    pub en: RwSignal<String>,
    pub year: RwSignal<String>,
    pub kickoff: RwSignal<String>,
}

impl HeadInputs {
    pub fn new(title: &Text, year: i32, kickoff: Option<NaiveDate>) -> Self {
        HeadInputs {
            zh: RwSignal::new(title.zh.clone()),
            en: RwSignal::new(title.en.clone()),
            year: RwSignal::new(year.to_string()),
            kickoff: RwSignal::new(kickoff.map(|d| d.to_string()).unwrap_or_default()),
        }
    }

    /// (title, year, kick-off), or what is missing, in `lang`. The domain
    /// judges the values themselves (`Plan::check_head`).
    pub fn read(&self, lang: Lang) -> Result<(Text, i32, NaiveDate), Vec<String>> {
        let year = self.year.get_untracked().trim().parse::<i32>().ok();
        let kickoff = crate::domain::numbers::parse_date(&self.kickoff.get_untracked());
        let title = Text::new(self.zh.get_untracked().trim(), self.en.get_untracked().trim());
        match (year, kickoff) {
            (Some(y), Some(k)) => Ok((title, y, k)),
            (y, k) => {
                let mut out = Vec::new();
                if y.is_none() {
                    out.push(lang.t(mp::BAD_YEAR).to_string());
                }
                if k.is_none() {
                    out.push(lang.t(mp::BAD_KICKOFF).to_string());
                }
                Err(out)
            }
        }
    }
}

#[component]
pub fn PlanHeadFields(
    /// The fields' values.
    inputs: HeadInputs,
    /// Called on every keystroke (a form clears its "Saved." with it).
    #[prop(optional)]
    on_input: Option<Callback<()>>,
) -> impl IntoView {
    let st = use_state();
    let touched = move |_| {
        if let Some(f) = on_input {
            f.run(())
        }
    };
    let text = move |label: Msg, value: RwSignal<String>| {
        view! { <label>{st.tr(label)}<input type="text" bind:value=value on:input=touched /></label> }
    };
    view! {
        {text(mp::TITLE_ZH, inputs.zh)}
        {text(mp::TITLE_EN, inputs.en)}
        <label>
            {st.tr(mp::YEAR)}
            <input type="number" min="2000" max="2100" step="1" bind:value=inputs.year on:input=touched />
        </label>
        <label>
            {st.tr(mp::KICKOFF)}
            <input type="date" bind:value=inputs.kickoff on:input=touched aria-describedby="kickoff-hint" />
            <span class="hint" id="kickoff-hint">{st.tr(mp::KICKOFF_HINT)}</span>
        </label>
    }
}
