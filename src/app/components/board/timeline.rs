//! The timeline: a Gantt chart in SVG of key actions, tasks and their
//! milestones against the calendar, coloured by light, with a today line.
//! A table of the same rows follows for screen readers.

use crate::app::i18n::{light_name, m, Tr};
use crate::app::state::use_state;
use crate::domain::timeline::{Row, RowKind, Zoom};
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

const LEFT: f64 = 64.0;
const WIDTH: f64 = 1000.0;
const ROW: f64 = 20.0;
const TOP: f64 = 24.0;

#[component]
pub fn Timeline(
    /// The rows to draw.
    rows: Signal<Vec<Row>>,
    /// The span shown.
    zoom: Signal<Zoom>,
    /// A day in the span shown (today, or the day the page moved to).
    anchor: Signal<NaiveDate>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let range = Memo::new(move |_| zoom.get().range(anchor.get()));
    let x = move |d: NaiveDate| {
        let (s, e) = range.get();
        let span = ((e - s).num_days() + 1).max(1) as f64;
        let f = ((d - s).num_days() as f64 / span).clamp(0.0, 1.0);
        LEFT + f * (WIDTH - LEFT)
    };
    let height = move || TOP + ROW * rows.with(|r| r.len()) as f64 + 4.0;
    let ticks = move || zoom.get().ticks(range.get());
    let label = move |d: NaiveDate| {
        if zoom.get() == Zoom::Month {
            format!("{:02}-{:02}", d.month(), d.day())
        } else {
            format!("{}-{:02}", d.year(), d.month())
        }
    };
    let bars = move || {
        let (s, e) = range.get();
        rows.get()
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let y = TOP + ROW * i as f64;
                let visible = r.start <= e && r.end.is_none_or(|end| end >= s);
                let (x0, x1) = (x(r.start.max(s)), x(r.end.unwrap_or(e).min(e)) + 1.0);
                let class = format!("gantt-bar light-fill-{} {}", r.light.key(), if r.kind == RowKind::Action { "gantt-action" } else { "gantt-task" });
                let open = r.end.is_none();
                let marks = r
                    .marks
                    .iter()
                    .filter(|mk| mk.due >= s && mk.due <= e)
                    .map(|mk| {
                        let cx = x(mk.due);
                        let cy = y + ROW / 2.0;
                        view! { <path class=format!("gantt-mark light-fill-{}", mk.light.key()) d=format!("M{} {} l5 5 l-5 5 l-5 -5 z", crate::domain::numbers::fixed(cx, 1), crate::domain::numbers::fixed(cy - 5.0, 1)) /> }
                    })
                    .collect_view();
                view! {
                    <g class="gantt-row" data-kind=if r.kind == RowKind::Action { "action" } else { "task" }>
                        <text x="4" y=crate::domain::numbers::fixed(y + 14.0, 1) class=if r.kind == RowKind::Action { "gantt-label strong" } else { "gantt-label" }>{r.number.clone()}</text>
                        {visible.then(|| view! {
                            <rect x=crate::domain::numbers::fixed(x0, 1) y=crate::domain::numbers::fixed(y + 4.0, 1) width=crate::domain::numbers::fixed((x1 - x0).max(2.0), 1) height="12" rx="2" class=class stroke-dasharray=if open { "4 3" } else { "none" } />
                        })}
                        {marks}
                    </g>
                }
            })
            .collect_view()
    };
    let today_x = move || x(st.today.get());
    // Today outside the span shown: no line (it would sit on the edge).
    let today_shown = move || {
        let (s, e) = range.get();
        if (s..=e).contains(&st.today.get()) {
            "visible"
        } else {
            "hidden"
        }
    };
    let summary = move || format!("{} · {} {}", lang.get().t(m::TIMELINE), lang.get().t(m::TODAY), st.today.get());
    view! {
        // It scrolls sideways on a phone: focusable, so the keyboard can scroll it.
        <figure class="timeline" tabindex="0">
            <svg viewBox=move || format!("0 0 {WIDTH} {}", crate::domain::numbers::fixed(height(), 0)) role="img" aria-label=summary class="gantt">
                {move || ticks().into_iter().map(|d| {
                    let tx = x(d);
                    view! {
                        <line x1=crate::domain::numbers::fixed(tx, 1) x2=crate::domain::numbers::fixed(tx, 1) y1="16" y2=crate::domain::numbers::fixed(height(), 0) class="gantt-tick" />
                        <text x=crate::domain::numbers::fixed(tx + 2.0, 1) y="12" class="gantt-tick-label">{label(d)}</text>
                    }
                }).collect_view()}
                {bars}
                <line x1=move || crate::domain::numbers::fixed(today_x(), 1) x2=move || crate::domain::numbers::fixed(today_x(), 1) y1="14" y2=move || crate::domain::numbers::fixed(height(), 0) class="gantt-today" data-testid="today-line" visibility=today_shown />
                <text x=move || crate::domain::numbers::fixed(today_x() + 3.0, 1) y="22" class="gantt-today-label" visibility=today_shown>{st.tr(m::TODAY)}</text>
            </svg>
            <figcaption class="visually-hidden">
                <table>
                    <caption>{summary}</caption>
                    <thead><tr><th scope="col">{st.tr(m::COL_NO)}</th><th scope="col">{st.tr(m::START)}</th><th scope="col">{st.tr(m::DUE)}</th><th scope="col">{st.tr(m::COL_LIGHT)}</th></tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| view! {
                            <tr><td>{r.number}</td><td>{r.start.to_string()}</td><td>{r.end.map(|d| d.to_string()).unwrap_or_default()}</td><td>{light_name(lang.get(), r.light)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </figcaption>
        </figure>
    }
}
