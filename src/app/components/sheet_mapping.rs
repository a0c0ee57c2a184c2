//! The mapping preview of a spreadsheet import: which sheet, what each
//! column becomes (changeable), the first rows as they will land, the units
//! and people matched or created, every cell that needs a look, and where
//! it goes (a new plan or the current one). Nothing changes until the
//! person goes on to the usual import preview. In the import chunk.

use crate::app::i18n::{m_sheet as ms, Tr};
use crate::app::sheet_import::{pick, preview, result_of, stage, Into, Mapping, Stage};
use crate::app::state::{use_state, AppState};
use crate::domain::sheet_in::columns::Column;
use crate::domain::sheet_in::grid::address;
use crate::domain::sheet_in::into::Matched;
use crate::domain::sheet_in::structure::{Reading, Said};
use crate::domain::sheet_in::words::{column, saying};
use crate::domain::Lang;
use leptos::prelude::*;
use std::sync::Arc;

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

/// What the mapping's view is built around. A new view is built only when
/// the stage or the file changes (or the language): a change to the mapping
/// itself updates only the parts it touches, so the control a person is
/// using keeps the keyboard focus.
#[derive(Clone, PartialEq)]
enum Shape {
    Reading(String),
    Refused(String, String),
    /// The book being mapped, by where it is held (a new file, a new view).
    Mapping(usize),
}

/// The table as the mapping reads it now, and the units and people it matches.
#[derive(Clone, PartialEq)]
struct Now {
    reading: Reading,
    matched: Matched,
}

fn said_list(l: Lang, title: crate::app::i18n::Msg, list: Vec<Said>, open: bool) -> impl IntoView {
    let total = list.len();
    (total > 0).then(|| {
        view! {
            <details class="import-list" open=open>
                <summary>{l.t(title)} " (" {total} ")"</summary>
                <ul>
                    {list
                        .into_iter()
                        .take(REMARKS_MAX)
                        .map(|s| view! { <li><code>{s.place}</code> " " {saying(l, &s.what)}</li> })
                        .collect_view()}
                    {(total > REMARKS_MAX).then(|| view! { <li class="more">"… " {total - REMARKS_MAX}</li> })}
                </ul>
            </details>
        }
    })
}

#[component]
pub fn SheetMapping() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let stage = stage();
    let cancel = move |_| stage.set(None);
    let shape = Memo::new(move |_| {
        stage.with(|s| match s.as_ref()? {
            Stage::Reading(file) => Some(Shape::Reading(file.clone())),
            Stage::Refused { file, why } => Some(Shape::Refused(file.clone(), why.clone())),
            Stage::Mapping(m) => Some(Shape::Mapping(Arc::as_ptr(&m.book) as usize)),
        })
    });
    move || {
        let l = lang.get();
        match shape.get()? {
            Shape::Reading(file) => Some(
                view! {
                    <section class="banner import-busy" role="status" aria-live="polite">
                        <p><strong>{l.t(ms::READING)} " " <code>{file}</code></strong></p>
                        <progress aria-label=l.t(ms::READING)></progress>
                    </section>
                }
                .into_any(),
            ),
            Shape::Refused(file, why) => Some(
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
            Shape::Mapping(_) => Some(mapping_view(st, l).into_any()),
        }
    }
}

/// The mapping of the book in the stage now, in `l`.
fn mapping_view(st: AppState, l: Lang) -> impl IntoView {
    let stage = stage();
    let cancel = move |_| stage.set(None);
    let update = move |f: &dyn Fn(&mut Mapping)| {
        stage.update(|s| {
            if let Some(Stage::Mapping(m)) = s {
                f(m);
            }
        })
    };
    // Read once, as the view is built: what only a new book changes.
    let (file, sheets, current_sheet, into_new_at_first) = stage
        .with_untracked(|s| match s {
            Some(Stage::Mapping(m)) => Some((
                m.file.clone(),
                m.book.sheets.iter().enumerate().filter(|(_, g)| !g.hidden).map(|(i, g)| (i, g.name.clone())).collect::<Vec<_>>(),
                m.sheet,
                m.into == Into::New,
            )),
            _ => None,
        })
        .unwrap_or_default();
    let mapped = move |f: &dyn Fn(&Mapping) -> Option<String>| stage.with(|s| if let Some(Stage::Mapping(m)) = s { f(m) } else { None });
    let now = Memo::new(move |_| {
        stage.with(|s| match s {
            Some(Stage::Mapping(m)) => {
                let reading = m.reading();
                let matched = result_of(st, m, &reading).map(|(_, x)| x).unwrap_or_default();
                Some(Now { reading, matched })
            }
            _ => None,
        })
    });
    let sheet = Memo::new(move |_| stage.with(|s| if let Some(Stage::Mapping(m)) = s { m.sheet } else { 0 }));
    let into_new = Memo::new(move |_| stage.with(|s| matches!(s, Some(Stage::Mapping(m)) if m.into == Into::New)));
    let tasks = Memo::new(move |_| now.with(|n| n.as_ref().map_or(0, |n| n.reading.tasks())));
    let office = st.me.get_untracked().is_none();
    let stop = l.t(ms::STOP);

    let sheet_pick = (sheets.len() > 1).then(|| {
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
                        .map(|(i, name)| view! { <option value=i.to_string() selected=i == current_sheet>{name}</option> })
                        .collect_view()}
                </select>
            </label>
        }
    });
    let found = move || {
        now.with(|n| {
            let r = &n.as_ref()?.reading;
            let tasks = r.tasks();
            let header_line = r.header.as_ref().filter(|h| tasks > 0 && h.rows > 0).map(|h| {
                view! { " " {l.t(ms::HEADER_ROW)} " " {h.first + 1} {l.t(ms::HEADER_ROW_END)} {stop} }
            });
            Some(view! { {l.t(ms::FOUND)} " " {r.actions.len()} " " {l.t(ms::N_ACTIONS)} " " {tasks} " " {l.t(ms::N_TASKS)} {stop} {header_line} })
        })
    };
    let said = move |problem: bool, title: crate::app::i18n::Msg| {
        move || {
            let list: Vec<Said> =
                now.with(|n| n.iter().flat_map(|n| n.reading.said.iter()).filter(|s| s.problem == problem).cloned().collect());
            said_list(l, title, list, problem)
        }
    };
    // The columns of the sheet picked: built anew when another sheet is
    // picked, each select keeping what the person chose.
    let column_rows = move || {
        let chosen: Vec<Option<Column>> = stage.with_untracked(|s| match s {
            Some(Stage::Mapping(m)) => m.columns.clone(),
            _ => Vec::new(),
        });
        sheet.track();
        chosen
            .into_iter()
            .enumerate()
            .map(|(i, chosen)| {
                let text = move || {
                    now.with(|n| {
                        n.as_ref()
                            .and_then(|n| n.reading.header.as_ref())
                            .and_then(|h| h.columns.get(i))
                            .map(|(t, _)| t.clone())
                            .unwrap_or_default()
                    })
                };
                let id = format!("sheet-col-{i}");
                let name = letters(i);
                let label = format!("{} {name} {}", l.t(ms::COLUMN), l.t(ms::BECOMES));
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
            .collect_view()
    };
    let names = move |title: crate::app::i18n::Msg, pick: fn(&Matched) -> &Vec<String>| {
        move || now.with(|n| n.as_ref().map(|n| names_list(l, title, pick(&n.matched)).into_any()))
    };
    let title = move || mapped(&|m| Some(m.title.clone())).unwrap_or_default();
    let year = move || mapped(&|m| Some(m.year.to_string())).unwrap_or_default();
    view! {
        <section class="import-preview sheet-mapping" aria-labelledby="sheet-mapping-title">
            <h2 id="sheet-mapping-title">{l.t(ms::TITLE)} " " <code>{file}</code></h2>
            {sheet_pick}
            <p class="sheet-found" role="status">{found}</p>
            {move || (tasks.get() == 0).then(|| view! { <p class="hint">{l.t(ms::NOTHING)}</p> })}
            {said(true, ms::PROBLEMS)}
            <fieldset class="sheet-into">
                <legend>{l.t(ms::INTO)}</legend>
                <label>
                    <input type="radio" name="sheet-into" checked=into_new_at_first on:change=move |_| update(&|m| m.into = Into::New) />
                    {l.t(ms::INTO_NEW)}
                </label>
                {move || into_new.get().then(|| view! {
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
                            <input type="number" min="2000" max="2100" prop:value=year on:change=move |ev| {
                                if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                                    update(&|m| m.year = y);
                                }
                            } />
                        </label>
                    </div>
                })}
                {office.then(|| view! {
                    <label>
                        <input type="radio" name="sheet-into" checked=!into_new_at_first on:change=move |_| update(&|m| m.into = Into::Current) />
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
            {move || now.with(|n| n.as_ref().filter(|n| n.reading.tasks() > 0).map(|n| first_rows(l, &n.reading).into_any()))}
            {names(ms::UNITS_FOUND, |m| &m.units_found)}
            {names(ms::UNITS_NEW, |m| &m.units_new)}
            {names(ms::PEOPLE_FOUND, |m| &m.people_found)}
            {names(ms::PEOPLE_NEW, |m| &m.people_new)}
            {said(false, ms::REMARKS)}
            <div class="dialog-buttons">
                <button type="button" class="primary" disabled=move || tasks.get() == 0 on:click=move |_| {
                    if let Some(Stage::Mapping(m)) = stage.get_untracked() {
                        preview(st, &m);
                    }
                }>{l.t(ms::PREVIEW)}</button>
                <button type="button" on:click=cancel>{l.t(ms::CANCEL)}</button>
            </div>
        </section>
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
