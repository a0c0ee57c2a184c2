//! The mapping preview of a spreadsheet import: which sheet, what each
//! column becomes (changeable), the first rows as they will land, the units
//! and people matched or created, every cell that needs a look, and where
//! it goes (a new plan or the current one). Nothing changes until the
//! person goes on to the usual import preview. In the import chunk.

use crate::app::i18n::{m_sheet as ms, Tr};
use crate::app::sheet_import::{pick, preview, result, stage, Into, Mapping, Stage};
use crate::app::state::use_state;
use crate::domain::sheet_in::columns::Column;
use crate::domain::sheet_in::grid::address;
use crate::domain::sheet_in::structure::Reading;
use crate::domain::sheet_in::words::{column, saying};
use crate::domain::Lang;
use leptos::prelude::*;

/// How many tasks the preview shows as they will land.
const FIRST_ROWS: usize = 5;
/// How many remarks are listed before the rest are counted.
const REMARKS_MAX: usize = 100;

fn letters(col: usize) -> String {
    address(0, col).trim_end_matches(|c: char| c.is_ascii_digit()).to_string()
}

fn names_list(l: Lang, title: crate::app::i18n::Msg, names: &[String]) -> impl IntoView {
    (!names.is_empty()).then(|| {
        view! {
            <p class="sheet-names">
                <strong>{l.t(title)} " (" {names.len()} ")"</strong> " " {names.join(if l == Lang::Zh { "、" } else { ", " })}
            </p>
        }
    })
}

fn first_rows(l: Lang, r: &Reading) -> impl IntoView {
    let sep = if l == Lang::Zh { "、" } else { ", " };
    let rows: Vec<_> = r
        .actions
        .iter()
        .flat_map(|a| a.tasks.iter().map(move |t| (a, t)))
        .take(FIRST_ROWS)
        .map(|(a, t)| {
            let leaders = a.leaders.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(sep);
            view! {
                <tr>
                    <td>{a.title.clone()}</td>
                    <td>{if t.number.is_empty() { t.title.clone() } else { format!("{} {}", t.number, t.title) }}</td>
                    <td>{leaders}</td>
                    <td>{t.responsible.join(sep)}</td>
                    <td>{t.co_organizers.join(sep)}</td>
                    <td>{t.due.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</td>
                </tr>
            }
        })
        .collect();
    view! {
        <h3>{l.t(ms::FIRST_ROWS)}</h3>
        <div class="table-scroll" role="region" tabindex="0" aria-label=l.t(ms::FIRST_ROWS)>
            <table class="sheet-rows">
                <thead>
                    <tr>
                        <th scope="col">{l.t(ms::ACTION)}</th>
                        <th scope="col">{l.t(ms::TASK)}</th>
                        <th scope="col">{l.t(ms::LEADERS)}</th>
                        <th scope="col">{l.t(ms::RESPONSIBLE)}</th>
                        <th scope="col">{l.t(ms::CO)}</th>
                        <th scope="col">{l.t(ms::DUE)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
pub fn SheetMapping() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let stage = stage();
    let update = move |f: &dyn Fn(&mut Mapping)| {
        stage.update(|s| {
            if let Some(Stage::Mapping(m)) = s {
                f(m);
            }
        })
    };
    let cancel = move |_| stage.set(None);
    move || {
        let l = lang.get();
        match stage.get()? {
            Stage::Reading(file) => Some(
                view! {
                    <section class="banner import-busy" role="status" aria-live="polite">
                        <p><strong>{l.t(ms::READING)} " " <code>{file}</code></strong></p>
                        <progress aria-label=l.t(ms::READING)></progress>
                    </section>
                }
                .into_any(),
            ),
            Stage::Refused { file, why } => Some(
                view! {
                    <section class="banner banner-error import-refused" role="alert" aria-labelledby="sheet-refused-title">
                        <p>
                            <strong id="sheet-refused-title">{l.t(ms::REFUSED)} " " <code>{file}</code></strong>
                            <br />
                            <span class="reason">{why}</span>
                            <br />
                            {l.t(crate::app::i18n::m::TABLE_UNCHANGED)}
                        </p>
                        <button type="button" on:click=cancel>{l.t(crate::app::i18n::m::DISMISS)}</button>
                    </section>
                }
                .into_any(),
            ),
            Stage::Mapping(m) => {
                let r = m.reading();
                let matched = result(st, &m).map(|(_, x)| x).unwrap_or_default();
                let header = r.header.clone();
                let office = st.me.get_untracked().is_none();
                let sheets: Vec<(usize, String)> =
                    m.book.sheets.iter().enumerate().filter(|(_, g)| !g.hidden).map(|(i, g)| (i, g.name.clone())).collect();
                let sheet_pick = (sheets.len() > 1).then(|| {
                    let current = m.sheet;
                    view! {
                        <label class="sheet-pick">
                            {l.t(ms::SHEET)} " "
                            <select on:change=move |ev| {
                                if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                                    update(&|m| pick(m, i));
                                }
                            }>
                                {sheets
                                    .into_iter()
                                    .map(|(i, name)| view! { <option value=i.to_string() selected=i == current>{name}</option> })
                                    .collect_view()}
                            </select>
                        </label>
                    }
                });
                let column_rows: Vec<_> = m
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let text = header.as_ref().and_then(|h| h.columns.get(i)).map(|(t, _)| t.clone()).unwrap_or_default();
                        let id = format!("sheet-col-{i}");
                        let name = letters(i);
                        let label = format!("{} {name} {}", l.t(ms::COLUMN), l.t(ms::BECOMES));
                        let chosen = *c;
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td>{text}</td>
                                <td>
                                    <select id=id aria-label=label on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        let c = Column::ALL.iter().copied().find(|c| format!("{c:?}") == v);
                                        update(&|m| {
                                            if let Some(slot) = m.columns.get_mut(i) {
                                                *slot = c;
                                            }
                                        });
                                    }>
                                        <option value="" selected=chosen.is_none()>{l.t(ms::NOT_FOUND)}</option>
                                        {Column::ALL
                                            .iter()
                                            .map(|c| view! { <option value=format!("{c:?}") selected=chosen == Some(*c)>{column(l, *c)}</option> })
                                            .collect_view()}
                                    </select>
                                </td>
                            </tr>
                        }
                    })
                    .collect();
                let (problems, remarks): (Vec<_>, Vec<_>) = r.said.iter().partition(|s| s.problem);
                let said_list = move |title: crate::app::i18n::Msg, list: Vec<&crate::domain::sheet_in::structure::Said>, open: bool| {
                    let total = list.len();
                    (total > 0).then(|| {
                        view! {
                            <details class="import-list" open=open>
                                <summary>{l.t(title)} " (" {total} ")"</summary>
                                <ul>
                                    {list
                                        .into_iter()
                                        .take(REMARKS_MAX)
                                        .map(|s| view! { <li><code>{s.place.clone()}</code> " " {saying(l, &s.what)}</li> })
                                        .collect_view()}
                                    {(total > REMARKS_MAX).then(|| view! { <li class="more">"… " {total - REMARKS_MAX}</li> })}
                                </ul>
                            </details>
                        }
                    })
                };
                let tasks = r.tasks();
                let stop = l.t(ms::STOP);
                let header_line = header.as_ref().filter(|h| tasks > 0 && h.rows > 0).map(|h| {
                    view! { " " {l.t(ms::HEADER_ROW)} " " {h.first + 1} {l.t(ms::HEADER_ROW_END)} {stop} }
                });
                let into_new = m.into == Into::New;
                let title = m.title.clone();
                let year = m.year;
                Some(
                    view! {
                        <section class="import-preview sheet-mapping" aria-labelledby="sheet-mapping-title">
                            <h2 id="sheet-mapping-title">{l.t(ms::TITLE)} " " <code>{m.file.clone()}</code></h2>
                            {sheet_pick}
                            <p class="sheet-found" role="status">
                                {l.t(ms::FOUND)} " " {r.actions.len()} " " {l.t(ms::N_ACTIONS)} " " {tasks} " " {l.t(ms::N_TASKS)} {stop}
                                {header_line}
                            </p>
                            {(tasks == 0).then(|| view! { <p class="hint">{l.t(ms::NOTHING)}</p> })}
                            {said_list(ms::PROBLEMS, problems, true)}
                            <fieldset class="sheet-into">
                                <legend>{l.t(ms::INTO)}</legend>
                                <label>
                                    <input type="radio" name="sheet-into" checked=into_new on:change=move |_| update(&|m| m.into = Into::New) />
                                    {l.t(ms::INTO_NEW)}
                                </label>
                                {into_new.then(|| view! {
                                    <div class="sheet-new">
                                        <label>
                                            {l.t(ms::NEW_TITLE)}
                                            <input type="text" prop:value=title on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                update(&|m| m.title = v.clone());
                                            } />
                                        </label>
                                        <label>
                                            {l.t(ms::NEW_YEAR)}
                                            <input type="number" min="2000" max="2100" prop:value=year.to_string() on:change=move |ev| {
                                                if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                                                    update(&|m| m.year = y);
                                                }
                                            } />
                                        </label>
                                    </div>
                                })}
                                {office.then(|| view! {
                                    <label>
                                        <input type="radio" name="sheet-into" checked=!into_new on:change=move |_| update(&|m| m.into = Into::Current) />
                                        {l.t(ms::INTO_CURRENT)}
                                    </label>
                                })}
                            </fieldset>
                            <details class="import-list" open=true>
                                <summary>{l.t(ms::COLUMNS)}</summary>
                                <div class="table-scroll" role="region" tabindex="0" aria-label=l.t(ms::COLUMNS)>
                                    <table class="sheet-columns">
                                        <thead>
                                            <tr>
                                                <th scope="col">{l.t(ms::COLUMN)}</th>
                                                <th scope="col">{l.t(ms::HEADER)}</th>
                                                <th scope="col">{l.t(ms::BECOMES)}</th>
                                            </tr>
                                        </thead>
                                        <tbody>{column_rows}</tbody>
                                    </table>
                                </div>
                            </details>
                            {(tasks > 0).then(|| first_rows(l, &r))}
                            {names_list(l, ms::UNITS_FOUND, &matched.units_found)}
                            {names_list(l, ms::UNITS_NEW, &matched.units_new)}
                            {names_list(l, ms::PEOPLE_FOUND, &matched.people_found)}
                            {names_list(l, ms::PEOPLE_NEW, &matched.people_new)}
                            {said_list(ms::REMARKS, remarks, false)}
                            <div class="dialog-buttons">
                                <button type="button" class="primary" disabled=tasks == 0 on:click=move |_| {
                                    if let Some(Stage::Mapping(m)) = stage.get_untracked() {
                                        preview(st, &m);
                                    }
                                }>{l.t(ms::PREVIEW)}</button>
                                <button type="button" on:click=cancel>{l.t(ms::CANCEL)}</button>
                            </div>
                        </section>
                    }
                    .into_any(),
                )
            }
        }
    }
}

/// "Paste from Excel or WPS": a box for copied cells, read as a table.
#[component]
pub fn SheetPaste() -> impl IntoView {
    let st = use_state();
    let text = RwSignal::new(String::new());
    view! {
        <details class="sheet-paste">
            <summary>{st.tr(ms::PASTE)}</summary>
            <p class="hint" id="sheet-paste-hint">{st.tr(ms::PASTE_HINT)}</p>
            <textarea
                rows="6"
                aria-label=st.tr(ms::PASTE)
                aria-describedby="sheet-paste-hint"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <button
                type="button"
                disabled=move || text.with(|t| t.trim().is_empty())
                on:click=move |_| {
                    crate::app::sheet_import::paste(st, &text.get_untracked());
                    text.set(String::new());
                }
            >
                {st.tr(ms::PASTE_READ)}
            </button>
        </details>
    }
}
