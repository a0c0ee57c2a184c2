//! The board's pictures, below its first screen: lights per key action as
//! stacked bars, completion over time against the time elapsed (序时进度),
//! and each unit's weeks reported on time. Each is an SVG named by its
//! heading, with the same figures in a table beside it for a screen reader
//! (and for anyone who would rather read). Built in a chunk of its own
//! (`shell::board_charts`), so the start-up wasm does not carry them.

use crate::app::components::board::scope_picker::use_scope;
use crate::app::i18n::{light_name, m_charts as mc, Tr};
use crate::app::state::use_state;
use crate::domain::board::Board;
use crate::domain::light::Light;
use crate::domain::numbers::fixed;
use crate::domain::Lang;
use chrono::Datelike;
use leptos::prelude::*;

/// Units the on-time chart draws, the worst first, before it counts the rest.
const UNITS_MAX: usize = 15;
/// The pictures' width in SVG units; they scale to the column's width.
const W: f64 = 400.0;
/// A bar row: its label line, then the bar.
const ROW: f64 = 34.0;
/// The on-time bars' length: their figure ("95 % · 19/20") follows.
const BAR_ON_TIME: f64 = W - 92.0;

fn f1(v: f64) -> String {
    fixed(v, 1)
}

/// A bar row's words: the name on a line of its own (cut with "…" to the
/// picture's width; the table has it whole), the figure at the bar's right.
fn row_text(y: f64, name: String, figure: String) -> impl IntoView {
    view! {
        <text x="0" y=f1(y + 12.0) class="chart-label">{fit(&name, W)}</text>
        <text x=f1(W) y=f1(y + 28.0) text-anchor="end" class="chart-figure">{figure}</text>
    }
}

/// `name`, cut to about `width` units of 12 px text: a Chinese character
/// is as wide as two Latin letters.
fn fit(name: &str, width: f64) -> String {
    let room = width / 6.6;
    let mut used = 0.0;
    let mut out = String::new();
    for c in name.chars() {
        used += if c.is_ascii() { 1.0 } else { 1.85 };
        if used > room - 1.0 {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

/// The table behind the picture headed `head`, folded under "the figures",
/// in a box that scrolls sideways on a phone.
fn figures(l: Lang, head: crate::app::i18n::Msg, table: impl IntoView + 'static) -> impl IntoView {
    view! {
        <details class="chart-figures">
            <summary>{l.t(mc::FIGURES)}</summary>
            <div class="table-scroll" role="region" tabindex="0" aria-label=format!("{} · {}", l.t(head), l.t(mc::FIGURES))>{table}</div>
        </details>
    }
}

#[component]
pub fn BoardCharts() -> impl IntoView {
    let Some(board) = use_context::<Memo<Board>>() else { return ().into_any() };
    view! {
        <div class="board-charts">
            <LightsChart board />
            <BurnUpChart />
            <OnTimeChart />
        </div>
    }
    .into_any()
}

/// Tasks of each key action by light, one stacked bar each, as long as its
/// number of tasks.
#[component]
fn LightsChart(
    /// The board: its key actions' tasks by light.
    board: Memo<Board>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let rows = Memo::new(move |_| {
        let l = lang.get();
        board.with(|b| {
            st.plan.with(|p| {
                b.actions
                    .iter()
                    .map(|a| {
                        let title = p.action(a.action).map(|x| x.title.get(l).to_string()).unwrap_or_default();
                        (format!("{} {title}", a.number), a.by_light.iter().map(|(l, v)| (*l, v.len())).collect::<Vec<_>>())
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let svg = move || {
        let l = lang.get();
        let rows = rows.get();
        let most = rows.iter().map(|(_, c)| c.iter().map(|(_, n)| n).sum::<usize>()).max().unwrap_or(0).max(1) as f64;
        // Room for the count at the right of the longest bar.
        let bar_w = W - 30.0;
        let h = ROW * rows.len() as f64;
        let bars = rows
            .into_iter()
            .enumerate()
            .map(|(i, (name, counts))| {
                let y = ROW * i as f64;
                let total: usize = counts.iter().map(|(_, n)| n).sum();
                let mut x = 0.0;
                let segs = counts
                    .into_iter()
                    .filter(|(_, n)| *n > 0)
                    .map(|(light, n)| {
                        let w = bar_w * n as f64 / most;
                        let seg =
                            view! { <rect x=f1(x) y=f1(y + 17.0) width=f1(w) height="12" class=format!("seg seg-{}", light.key()) /> };
                        x += w;
                        seg
                    })
                    .collect_view();
                view! { {row_text(y, name, format!("{total}"))} {segs} }
            })
            .collect_view();
        view! {
            <svg class="chart" viewBox=format!("0 0 {W} {}", f1(h.max(ROW))) role="img" aria-labelledby="chart-lights-heading">
                {bars}
            </svg>
            <ul class="light-counts chart-legend" aria-hidden="true">
                {Light::ALL.into_iter().map(|x| view! { <li><span class=format!("light light-{}", x.key())><span class="dot"></span>{light_name(l, x)}</span></li> }).collect_view()}
            </ul>
        }
    };
    let table = move || {
        let l = lang.get();
        let head = Light::ALL.into_iter().map(|x| view! { <th scope="col">{light_name(l, x)}</th> }).collect_view();
        let body = rows
            .get()
            .into_iter()
            .map(|(name, counts)| {
                let cells = counts.iter().map(|(_, n)| view! { <td class="num">{*n}</td> }).collect_view();
                let total: usize = counts.iter().map(|(_, n)| n).sum();
                view! { <tr><th scope="row">{name}</th><td class="num">{total}</td>{cells}</tr> }
            })
            .collect_view();
        view! {
            <table class="sheet-table chart-table">
                <thead><tr><th scope="col">{l.t(mc::ACTION)}</th><th scope="col">{l.t(mc::TASKS)}</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        }
    };
    view! {
        <section class="board-section chart-section" aria-labelledby="chart-lights-heading">
            <h3 id="chart-lights-heading">{st.tr(mc::LIGHTS)}</h3>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty">{st.tr(mc::NO_TASKS)}</p> }>
                {svg}
                {move || figures(lang.get(), mc::LIGHTS, table)}
            </Show>
        </section>
    }
}

/// Mean progress over the plan's window, against the share of it elapsed.
#[component]
fn BurnUpChart() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let scope = use_scope();
    let burn = Memo::new(move |_| st.plan.with(|p| p.burn_up(&scope.get(), st.today.get())));
    // The plot's box inside the picture: room for the axes' words.
    let (left, top, right, bottom) = (42.0, 8.0, W - 8.0, 180.0);
    let svg = move || {
        let l = lang.get();
        let b = burn.get();
        let span = (b.end - b.start).num_days().max(1) as f64;
        let x = move |d: chrono::NaiveDate| left + (right - left) * (d - b.start).num_days() as f64 / span;
        let y = move |v: f64| bottom - (bottom - top) * v.clamp(0.0, 100.0) / 100.0;
        let line = |pts: Vec<(f64, f64)>| pts.iter().map(|(a, b)| format!("{},{}", f1(*a), f1(*b))).collect::<Vec<_>>().join(" ");
        let done = line(b.points.iter().filter_map(|p| p.progress.map(|v| (x(p.date), y(v)))).collect());
        let elapsed = line(b.points.iter().map(|p| (x(p.date), y(p.elapsed))).collect());
        let grid = [0.0, 25.0, 50.0, 75.0, 100.0]
            .into_iter()
            .map(|v| {
                view! {
                    <line x1=f1(left) x2=f1(right) y1=f1(y(v)) y2=f1(y(v)) class="chart-grid" />
                    <text x=f1(left - 4.0) y=f1(y(v) + 4.0) text-anchor="end" class="chart-axis">{mc::percent(l, v)}</text>
                }
            })
            .collect_view();
        let ticks = b
            .points
            .iter()
            .filter(|p| p.date.day() == 1)
            .map(|p| view! { <text x=f1(x(p.date)) y=f1(bottom + 16.0) text-anchor="middle" class="chart-axis">{mc::month(l, p.date)}</text> })
            .collect_view();
        let today = b.points.iter().rev().find(|p| p.progress.is_some()).map(|p| x(p.date));
        view! {
            <svg class="chart" viewBox=format!("0 0 {W} 200") role="img" aria-labelledby="chart-burn-heading" aria-describedby="chart-burn-summary">
                {grid}
                {ticks}
                {today.map(|tx| view! { <line x1=f1(tx) x2=f1(tx) y1=f1(top) y2=f1(bottom) class="chart-today" /> })}
                <polyline points=elapsed class="chart-elapsed" />
                <polyline points=done class="chart-done" />
            </svg>
        }
    };
    let summary = move || {
        let l = lang.get();
        burn.with(|b| {
            b.points
                .iter()
                .rev()
                .find(|p| p.progress.is_some())
                .map(|p| mc::burn_up_summary(l, p.date, p.progress.unwrap_or(0.0), p.elapsed))
        })
    };
    let table = move || {
        let l = lang.get();
        let body = burn
            .get()
            .points
            .into_iter()
            .map(|p| {
                view! {
                    <tr>
                        <th scope="row" class="date">{p.date.to_string()}</th>
                        <td class="num">{p.progress.map(|v| mc::percent(l, v)).unwrap_or_else(|| "—".into())}</td>
                        <td class="num">{mc::percent(l, p.elapsed)}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="sheet-table chart-table">
                <thead><tr><th scope="col">{l.t(mc::DATE)}</th><th scope="col">{l.t(mc::COMPLETION)}</th><th scope="col">{l.t(mc::ELAPSED)}</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        }
    };
    view! {
        <section class="board-section chart-section" aria-labelledby="chart-burn-heading">
            <h3 id="chart-burn-heading">{st.tr(mc::BURN_UP)}</h3>
            <p id="chart-burn-summary" class="hint">{summary}</p>
            {svg}
            <ul class="chart-legend" aria-hidden="true">
                <li><span class="key key-done"></span>{st.tr(mc::COMPLETION_LINE)}</li>
                <li><span class="key key-elapsed"></span>{st.tr(mc::ELAPSED_LINE)}</li>
            </ul>
            {move || figures(lang.get(), mc::BURN_UP, table)}
        </section>
    }
}

/// Each unit's share of owed weeks reported on time, the worst first.
#[component]
fn OnTimeChart() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let scope = use_scope();
    let rows = Memo::new(move |_| {
        let l = lang.get();
        st.plan.with(|p| {
            p.on_time_by_unit(&scope.get(), st.today.get())
                .into_iter()
                .map(|o| (p.unit(o.unit).map(|u| u.name.get(l).to_string()).unwrap_or_default(), o.on_time, o.owed, o.percent()))
                .collect::<Vec<_>>()
        })
    });
    let svg = move || {
        let l: Lang = lang.get();
        let rows = rows.get();
        let shown: Vec<_> = rows.iter().take(UNITS_MAX).cloned().collect();
        let h = ROW * shown.len() as f64;
        let bars = shown
            .into_iter()
            .enumerate()
            .map(|(i, (name, on_time, owed, pct))| {
                let y = ROW * i as f64;
                view! {
                    {row_text(y, name, mc::weeks(l, on_time, owed, pct))}
                    <rect x="0" y=f1(y + 17.0) width=f1(BAR_ON_TIME) height="12" class="chart-track" />
                    <rect x="0" y=f1(y + 17.0) width=f1(BAR_ON_TIME * pct / 100.0) height="12" class="chart-on-time" />
                }
            })
            .collect_view();
        let rest = rows.len().saturating_sub(UNITS_MAX);
        view! {
            <svg class="chart" viewBox=format!("0 0 {W} {}", f1(h.max(ROW))) role="img" aria-labelledby="chart-on-time-heading">{bars}</svg>
            {(rest > 0).then(|| view! { <p class="hint">{mc::more_units(l, rest)}</p> })}
        }
    };
    let table = move || {
        let l = lang.get();
        let body = rows
            .get()
            .into_iter()
            .map(|(name, on_time, owed, pct)| {
                view! { <tr><th scope="row">{name}</th><td class="num">{owed}</td><td class="num">{on_time}</td><td class="num">{mc::percent(l, pct)}</td></tr> }
            })
            .collect_view();
        view! {
            <table class="sheet-table chart-table">
                <thead><tr>
                    <th scope="col">{l.t(mc::UNIT)}</th><th scope="col">{l.t(mc::WEEKS_OWED)}</th><th scope="col">{l.t(mc::WEEKS_ON_TIME)}</th><th scope="col">{l.t(mc::SHARE)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        }
    };
    view! {
        <section class="board-section chart-section" aria-labelledby="chart-on-time-heading">
            <h3 id="chart-on-time-heading">{st.tr(mc::ON_TIME)}</h3>
            <p class="hint">{st.tr(mc::ON_TIME_BASIS)}</p>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty">{st.tr(mc::NO_WEEKS)}</p> }>
                {svg}
                {move || figures(lang.get(), mc::ON_TIME, table)}
            </Show>
        </section>
    }
}
