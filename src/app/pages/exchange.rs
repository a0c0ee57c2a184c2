//! Exchange: who this browser acts as, and the exports (the whole plan, a
//! unit's slice or every unit's at once, this unit's report). Importing is
//! in the header and by dropping a file anywhere on the page.

use crate::app::exchange::{export_plan, export_report, export_slice};
use crate::app::i18n::{m, m_seal};
use crate::app::state::use_state;
use crate::domain::ownership::Side as OwnerSide;
use crate::domain::Id;
use crate::exchange::slice::{count, report};
use leptos::prelude::*;

mod all_slices;
use all_slices::AllSlices;

#[component]
pub fn ExchangePage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let units = Memo::new(move |_| st.plan.with(|p| p.unit_choices(lang.get())));
    let me_value = move || st.me.get().map(|u| u.to_string()).unwrap_or_default();
    let set_me = move |ev: leptos::ev::Event| st.me.set(Id::parse(&event_target_value(&ev)));
    // Roles follow keys: only the roles whose keys this browser holds are
    // offered (and the one it acts as now, so that the choice shows).
    let held = Memo::new(move |_| st.plan.with(|p| (p.id, p.office_key.clone(), p.units.len())));
    let roles = LocalResource::new(move || {
        held.track();
        crate::app::exchange::roles(st)
    });
    let offered = move |side: OwnerSide| {
        st.me.get().map_or(OwnerSide::Office, OwnerSide::Unit) == side || roles.get().is_some_and(|r| r.contains(&side))
    };
    let offered_units = move || -> Vec<(Id, String)> { units.get().into_iter().filter(|(id, _)| offered(OwnerSide::Unit(*id))).collect() };
    let slice_unit = RwSignal::new(String::new());
    // How much this unit's report would carry.
    let pending_records = Memo::new(move |_| st.base.with(|b| b.as_ref().map(|b| st.plan.with(|p| count(&report(p, b).plan)))));
    let is_office = move || st.me.get().is_none();

    view! {
        <section class="exchange" aria-labelledby="exchange-heading">
            <h2 id="exchange-heading">{st.tr(m::EXCHANGE_TITLE)}</h2>
            <p class="intro">{st.tr(m::EXCHANGE_INTRO)}</p>
            <div class="form narrow">
                <label>
                    {st.tr(m::WHO_AM_I)}
                    <select on:change=set_me prop:value=me_value>
                        <Show when=move || offered(OwnerSide::Office)>
                            <option value="" prop:selected=move || st.me.get().is_none()>{st.tr(m::OFFICE)}</option>
                        </Show>
                        <For
                            each=offered_units
                            key=|(id, name)| (*id, name.clone())
                            let((id, name))
                        >
                            <option value=id.to_string() prop:selected=move || st.me.get() == Some(id)>{name}</option>
                        </For>
                    </select>
                </label>
                <p class="hint">{st.tr(m_seal::ROLES_HINT)}</p>
            </div>

            <h3>{st.tr(m::EXPORT)}</h3>
            <div class="exports">
                <p>
                    <button type="button" on:click=move |_| export_plan(st)>{st.tr(m::EXPORT_PLAN)}</button>
                </p>
                <Show when=is_office>
                    <div class="form-row">
                        <label>
                            {st.tr(m::SLICE_UNIT)}
                            <select on:change=move |ev| slice_unit.set(event_target_value(&ev))>
                                <option value="" prop:selected=move || slice_unit.get().is_empty()>"—"</option>
                                <For each=move || units.get() key=|(id, name)| (*id, name.clone()) let((id, name))>
                                    <option value=id.to_string()>{name}</option>
                                </For>
                            </select>
                        </label>
                        <button
                            type="button"
                            disabled=move || Id::parse(&slice_unit.get()).is_none()
                            on:click=move |_| {
                                if let Some(u) = Id::parse(&slice_unit.get_untracked()) {
                                    export_slice(st, u)
                                }
                            }
                        >
                            {st.tr(m::EXPORT_SLICE)}
                        </button>
                    </div>
                    <AllSlices />
                </Show>
                <Show when=move || !is_office()>
                    {move || match pending_records.get() {
                        Some(n) => view! {
                            <p>
                                <button type="button" on:click=move |_| export_report(st)>{st.tr(m::EXPORT_REPORT)}</button>
                                " " <span class="hint">{st.tr(m::REPORT_COUNT)} "：" <strong class="report-count">{n}</strong></span>
                            </p>
                        }.into_any(),
                        None => view! { <p class="hint">{st.tr(m::NO_BASE)}</p> }.into_any(),
                    }}
                </Show>
            </div>

            <h3>{st.tr(m::IMPORT_FILE)}</h3>
            <p class="hint">{st.tr(m::IMPORT_WHERE)} " " {st.tr(m::DROP_HINT)}</p>
            <crate::app::components::sheet_mapping::SheetPaste />
            <crate::app::components::import_history::ImportHistory />
        </section>
    }
}
