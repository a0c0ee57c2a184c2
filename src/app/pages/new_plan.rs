//! Starting a new plan (`/new`): its title, year and kick-off are asked for
//! first; the plan is created empty with them and replaces the one open.

use crate::app::components::form_parts::{show_outcome, FormErrors};
use crate::app::components::plan_head_fields::{HeadInputs, PlanHeadFields};
use crate::app::i18n::{m, m_plan as mp, Tr};
use crate::app::state::use_state;
use crate::app::url::with_lang;
use crate::domain::plan_head::PlanHead;
use crate::domain::{Plan, Settings, Text};
use chrono::{Datelike, Local};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn NewPlanPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let navigate = StoredValue::new(use_navigate());
    // In December, the plan being prepared is most likely next year's.
    let today = Local::now().date_naive();
    let year = if today.month() == 12 { today.year() + 1 } else { today.year() };
    let inputs = HeadInputs::new(&Text::default(), year, None);
    let errors = RwSignal::new(Vec::<String>::new());
    let is_example = Memo::new(move |_| st.plan.with(|p| p.example));
    let go = move |path: &str| {
        let to = with_lang(path, query.with_untracked(|q| q.get("lang")));
        navigate.with_value(|n| n(&to, Default::default()));
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let (title, year, kickoff) = match inputs.read(l) {
            Ok(v) => v,
            Err(lines) => {
                errors.set(std::iter::once(l.t(m::FIX_THESE).to_string()).chain(lines).collect());
                return;
            }
        };
        let d = PlanHead { title, year, kickoff, issuing_unit: None, plan_due_days: Settings::default().plan_due_days };
        let started = Plan::start(d, crate::domain::Stamp { by: None, at: chrono::Utc::now() });
        let ok = show_outcome(errors, m::FIX_THESE, l, started.as_ref().map(|_| ()).map_err(Clone::clone));
        if let (true, Ok(plan)) = (ok, started) {
            // The new plan is the office's own table.
            st.pending.set(None);
            st.undo.set(None);
            // The office's browser makes the plan's signing key now.
            let id = plan.id;
            leptos::task::spawn_local(async move {
                if let Ok(k) = crate::app::keys::ensure(id, crate::domain::ownership::Side::Office).await {
                    st.replace_with(|p| {
                        if p.id == id && p.office_key.is_none() {
                            p.office_key = Some(k);
                        }
                    });
                }
            });
            st.replace(plan, None, None);
            go("/table");
        }
    };
    let cancel = move |_| go("/");
    view! {
        <section class="settings new-plan" aria-labelledby="new-plan-heading">
            <h2 id="new-plan-heading">{st.tr(mp::NEW_HEADING)}</h2>
            <p class="hint">{st.tr(mp::NEW_HINT)}</p>
            <p class="note" role="note">{move || lang.get().t(if is_example.get() { mp::REPLACES_EXAMPLE } else { mp::REPLACES_PLAN })}</p>
            <form class="form narrow" novalidate on:submit=create aria-labelledby="new-plan-heading">
                <PlanHeadFields inputs />
                <FormErrors errors />
                <div class="form-buttons">
                    <button type="submit" class="primary">{st.tr(mp::CREATE)}</button>
                    <button type="button" on:click=cancel>{st.tr(m::CANCEL)}</button>
                </div>
            </form>
        </section>
    }
}
