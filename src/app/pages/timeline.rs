//! The timeline page: the Gantt chart, narrowed like the board, switchable
//! between month, quarter and year, opening on the plan's year and moving
//! to any other span (`?at=`); prints on A4 landscape.

use crate::app::components::board::scope_picker::{scope_pairs, use_scope, ScopePicker};
use crate::app::components::board::timeline::Timeline;
use crate::app::i18n::{m, m_plan as mp, Msg, Tr};
use crate::app::state::use_state;
use crate::app::url::query_string;
use crate::domain::timeline::Zoom;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn zoom_name(z: Zoom) -> Msg {
    match z {
        Zoom::Month => m::ZOOM_MONTH,
        Zoom::Quarter => m::ZOOM_QUARTER,
        Zoom::Year => m::ZOOM_YEAR,
    }
}

#[component]
pub fn TimelinePage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let scope = use_scope();
    let query = use_query_map();
    let zoom = Memo::new(move |_| query.with(|q| q.get("zoom")).and_then(|z| Zoom::parse(&z)).unwrap_or_default());
    let rows = Memo::new(move |_| st.plan.with(|p| p.timeline(&scope.get(), st.today.get())));
    // The span opens on the plan's year; `?at=` moves it to any other.
    let moved = Memo::new(move |_| query.with(|q| q.get("at")).and_then(|v| crate::domain::numbers::parse_date(&v)));
    let anchor = Memo::new(move |_| moved.get().unwrap_or_else(|| st.plan.with(|p| p.timeline_anchor(st.today.get()))));
    let link = move |z: Zoom, at: Option<NaiveDate>| {
        let mut q = scope_pairs(&scope.get());
        q.push(("zoom", z.key().to_string()));
        if let Some(at) = at {
            q.push(("at", at.to_string()));
        }
        if let Some(l) = query.with(|q| q.get("lang")) {
            q.push(("lang", l));
        }
        format!("{}{}", crate::app::url::href("/timeline"), query_string(&q))
    };
    let href = move |z: Zoom| link(z, moved.get());
    let step = move |n: i32| link(zoom.get(), Some(zoom.get().step(anchor.get(), n)));
    let span = move || {
        let (from, to) = zoom.get().range(anchor.get());
        format!("{from} – {to}")
    };
    let step_word = move |next: bool| lang.get().t(mp::step_words(zoom.get().key(), next));
    view! {
        <section class="timeline-page" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{st.tr(m::TIMELINE)} <span class="as-of">" · " {move || st.today.get().to_string()}</span></h2>
            <ScopePicker scope />
            <nav class="zoom no-print" aria-label=st.tr(m::ZOOM)>
                {Zoom::ALL.into_iter().map(|z| view! {
                    <a href=move || href(z) aria-current=move || (zoom.get() == z).then_some("true")>{move || lang.get().t(zoom_name(z))}</a>
                }).collect_view()}
            </nav>
            <nav class="zoom timeline-move" aria-label=st.tr(mp::MOVE)>
                <a class="no-print" href=move || step(-1) rel="prev">"‹ " {move || step_word(false)}</a>
                <span class="timeline-span" role="status">{st.tr(mp::SPAN)} " " <strong>{span}</strong></span>
                <a class="no-print" href=move || step(1) rel="next">{move || step_word(true)} " ›"</a>
                <Show when=move || moved.get().is_some()>
                    <a class="no-print" href=move || link(zoom.get(), None)>{st.tr(mp::PLAN_YEAR)}</a>
                </Show>
            </nav>
            <Timeline rows=rows.into() zoom=zoom.into() anchor=anchor.into() />
        </section>
    }
}
