//! The timeline: a Gantt chart of key actions, tasks and their milestones
//! against the calendar, coloured by light, with a today line and a legend.
//! It is a real table, so a screen reader reads it row by row, the name
//! column stays put while the bars scroll sideways on a phone, and print
//! repeats its header row (the time axis) on every page.

use crate::app::i18n::{light_name, m, m_timeline as mt, Tr};
use crate::app::state::use_state;
use crate::app::url::query_string;
use crate::domain::light::Light;
use crate::domain::numbers::fixed;
use crate::domain::timeline::{day_centre, day_start, Row, RowKind, Zoom};
use crate::domain::Id;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `0.25` as `"25%"`, for a CSS position.
fn pct(f: f64) -> String {
    format!("{}%", fixed(f * 100.0, 3))
}

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
    let query = use_query_map();
    let range = Memo::new(move |_| zoom.get().range(anchor.get()));
    let ticks = Memo::new(move |_| zoom.get().ticks(range.get()));
    let label = move |d: NaiveDate| {
        if zoom.get() == Zoom::Month {
            format!("{:02}-{:02}", d.month(), d.day())
        } else {
            format!("{}-{:02}", d.year(), d.month())
        }
    };
    let today_at = Memo::new(move |_| day_centre(range.get(), st.today.get()));
    // The tick lines and the today line behind every row: one background
    // shared by all rows (a thousand rows, no thousand elements each).
    let grid = move || {
        let span = range.get();
        let mut stops = vec!["transparent 0".to_string()];
        for d in ticks.get() {
            let at = pct(day_start(span, d));
            stops.push(format!("transparent {at}, var(--line) {at}, var(--line) calc({at} + 1px), transparent calc({at} + 1px)"));
        }
        let today = match today_at.get() {
            Some(t) => {
                let at = pct(t);
                format!("linear-gradient(to right, transparent calc({at} - 1px), #1a5fb4 calc({at} - 1px), #1a5fb4 calc({at} + 1px), transparent calc({at} + 1px)), ")
            }
            None => String::new(),
        };
        format!("--gantt-grid: {today}linear-gradient(to right, {})", stops.join(", "))
    };
    let sheet = move |task: Id| {
        format!(
            "{}{}",
            crate::app::url::href(&format!("/task/{task}")),
            query_string(&query.with(|q| q.get("lang")).map(|l| vec![("lang", l)]).unwrap_or_default())
        )
    };
    let span_words = move || {
        let (from, to) = range.get();
        format!("{from} – {to}")
    };
    let body = move || {
        let span = range.get();
        let l = lang.get();
        rows.get()
            .into_iter()
            .map(|r| {
                let action = r.kind == RowKind::Action;
                let title = r.title.get(l).to_string();
                let name = view! { <span class="gantt-no">{r.number.clone()}</span> " " <span class="gantt-title">{title.clone()}</span> };
                let name = if action {
                    view! { <span class="gantt-label">{name}</span> }.into_any()
                } else {
                    view! { <a class="gantt-label" href=sheet(r.id) title=format!("{} {}", r.number, title)>{name}</a> }.into_any()
                };
                let bar = r.bar(span).map(|(x0, x1)| {
                    let class = format!("gantt-bar light-{}{}", r.light.key(), if r.end.is_none() { " open" } else { "" });
                    view! { <span class=class style=format!("left: {}; width: {}", pct(x0), pct((x1 - x0).max(0.002)))></span> }
                });
                let marks = r
                    .marks
                    .iter()
                    .filter_map(|mk| {
                        let at = day_centre(span, mk.due)?;
                        let overdue = mk.overdue();
                        let words = mt::milestone_words(l, overdue, mk.due, mk.light, mk.title.get(l));
                        let class = format!("gantt-mark light-{}{}", mk.light.key(), if overdue { " overdue" } else { "" });
                        Some(view! { <span class=class style=format!("left: {}", pct(at)) role="img" aria-label=words.clone() title=words></span> })
                    })
                    .collect_view();
                view! {
                    <tr class="gantt-row" data-kind=if action { "action" } else { "task" }>
                        <th scope="row" class="gantt-name">{name}</th>
                        <td class="gantt-lane">
                            {bar}
                            {marks}
                            <span class="visually-hidden">{mt::bar_words(l, r.start, r.end, r.light)}</span>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let summary = move || format!("{} · {} {}", lang.get().t(m::TIMELINE), lang.get().t(m::TODAY), st.today.get());
    let swatch = move |light: Light| {
        view! { <li><span class=format!("gantt-key gantt-bar light-{}", light.key()) aria-hidden="true"></span> {move || light_name(lang.get(), light)}</li> }
    };
    view! {
        <div class="timeline">
            <div class="gantt-key-box">
                <ul class="gantt-legend" aria-label=st.tr(mt::LEGEND)>
                    <li class="gantt-legend-head">{st.tr(mt::LEGEND_BARS)}</li>
                    {[Light::Green, Light::Yellow, Light::Red, Light::Grey, Light::Done].map(swatch).collect_view()}
                    <li><span class="gantt-key gantt-bar gantt-key-action light-green" aria-hidden="true"></span> {st.tr(mt::LEGEND_ACTION)}</li>
                    <li><span class="gantt-key gantt-bar light-green open" aria-hidden="true"></span> {st.tr(mt::LEGEND_OPEN)}</li>
                    <li><span class="gantt-key gantt-mark light-green" aria-hidden="true"></span> {st.tr(mt::LEGEND_MILESTONE)}</li>
                    <li><span class="gantt-key gantt-mark light-red overdue" aria-hidden="true"></span> {st.tr(mt::LEGEND_OVERDUE)}</li>
                    <li><span class="gantt-key gantt-key-today" aria-hidden="true"></span> {st.tr(mt::LEGEND_TODAY)}</li>
                </ul>
            </div>
            <div class="gantt-scroll" role="region" aria-label=st.tr(mt::CHART) tabindex="0">
                <table class="gantt" style=grid>
                    <caption class="visually-hidden">{summary}</caption>
                    <colgroup><col class="gantt-name-col" /><col /></colgroup>
                    <thead>
                        <tr>
                            <th scope="col" class="gantt-name">{st.tr(mt::COL_NAME)} " " <span class="gantt-span">{span_words}</span></th>
                            <th scope="col" class="gantt-axis">
                                <span class="visually-hidden">{st.tr(mt::COL_SCHEDULE)}</span>
                                {move || {
                                    let span = range.get();
                                    ticks.get().into_iter().map(|d| {
                                        let at = day_start(span, d);
                                        view! { <span class="gantt-tick-label" style=format!("left: {}", pct(at)) aria-hidden="true">{label(d)}</span> }
                                    }).collect_view()
                                }}
                                <span class="gantt-today" data-testid="today-line" style=move || today_at.get().map_or("visibility: hidden".to_string(), |t| format!("left: {}", pct(t)))>{st.tr(m::TODAY)}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </div>
    }
}
