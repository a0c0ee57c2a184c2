//! The board, the app's home page: what is red, what is late, who has not
//! reported. Every number links to the table filtered to exactly the tasks
//! behind it; the figures come from the domain's board, a memo over the plan.

use crate::app::components::board::bar::ProgressBar;
use crate::app::components::board::light_bar::LightBar;
use crate::app::components::board::scope_picker::{use_scope, ScopePicker};
use crate::app::components::light_badge::LightBadge;
use crate::app::i18n::{light_name, m, m_leader as ml, reason, risk_category, risk_level, Tr};
use crate::app::spreadsheet::{units_export, ExportButtons};
use crate::app::state::use_state;
use crate::app::url::query_string;
use crate::domain::board::{Facet, MilestoneRef};
use crate::domain::filter::TableFilter;
use crate::domain::light::Light;
use crate::domain::Id;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Items a board list shows before it counts the rest and links to them
/// all in the table: the board stays a few screens long on a city's plan
/// (1,000 tasks, thousands of overdue milestones).
const BOARD_LIST_MAX: usize = 10;
/// Units the unit table lists (the reddest first) before it links to the directory.
const BOARD_UNITS_MAX: usize = 15;
/// Key actions the board's table lists before it links to the rest.
const BOARD_ACTIONS_MAX: usize = 15;
/// Task numbers a silent unit's line names before it counts them.
const SILENT_NUMBERS: usize = 5;

/// What the board's two parts share: the board, and links to the table
/// narrowed by the board's scope.
#[derive(Clone, Copy)]
pub struct BoardContext {
    pub board: Memo<crate::domain::board::Board>,
    pub scope: Memo<crate::domain::board::Scope>,
    pub table: Callback<TableFilter, String>,
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let scope = use_scope();
    let query = use_query_map();
    let board = Memo::new(move |_| st.plan.with(|p| st.lights.with(|l| p.board_with(&scope.get(), st.today.get(), l))));
    // The pictures (in their own chunk) draw from the same board.
    provide_context(board);
    // A link to the table, narrowed by the board's scope and `f`.
    let table = move |f: TableFilter| {
        let s = scope.get();
        let f = TableFilter { unit: f.unit.or(s.unit), action: f.action.or(s.action), leader: f.leader.or(s.leader), ..f };
        let mut q = f.to_query();
        if let Some(l) = query.with(|q| q.get("lang")) {
            q.push(("lang", l));
        }
        format!("{}{}", crate::app::url::href("/table"), query_string(&q))
    };
    provide_context(BoardContext { board, scope, table: Callback::new(table) });
    let counts = Signal::derive(move || board.with(|b| b.by_light.iter().map(|(l, v)| (*l, v.len())).collect::<Vec<_>>()));
    view! {
        <section class="board" aria-labelledby="board-heading">
            <h2 id="board-heading">{st.tr(m::BOARD)} <span class="as-of">" · " {move || st.today.get().to_string()}</span></h2>
            <ScopePicker scope />
            <div class="cards">
                <div class="card">
                    <h3>{st.tr(m::COMPLETION)}</h3>
                    <ProgressBar value=Signal::derive(move || board.with(|b| b.completion)) label=Signal::derive(move || lang.get().t(m::COMPLETION).to_string()) />
                    <p class="hint">
                        <A href=move || table(TableFilter::default())>{move || board.with(|b| b.tasks.len())}</A> " " {st.tr(m::TASKS_WORD)}
                    </p>
                </div>
                <div class="card">
                    <h3>{st.tr(m::BY_LIGHT)}</h3>
                    <LightBar counts />
                    <ul class="light-counts">
                        {Light::ALL.into_iter().map(|l| view! {
                            <li>
                                <span class=format!("light light-{}", l.key())><span class="dot" aria-hidden="true"></span>{move || light_name(lang.get(), l)}</span>
                                " "
                                <A href=move || table(TableFilter { light: Some(l), ..Default::default() })>
                                    <span data-testid=format!("count-{}", l.key())>{move || board.with(|b| b.by_light.iter().find(|(x, _)| *x == l).map(|(_, v)| v.len()).unwrap_or(0))}</span>
                                </A>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            </div>
            // The lists below the figures are a chunk of their own, fetched
            // as the board opens: the start-up carries only the figures.
            {crate::app::shell::board_details()}
        </section>
    }
}

/// The board below its figures: what is red and why, what is late, what
/// waits for a leader, decisions, risks, who has not reported, then the key
/// actions, the units and the longer lists. In the chunk `board_details`.
#[component]
pub fn BoardDetails() -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let BoardContext { board, scope, table } = expect_context::<BoardContext>();
    let table = move |f: TableFilter| table.run(f);
    let sheet = move |task: Id| {
        format!(
            "{}{}",
            crate::app::url::href(&format!("/task/{task}")),
            query_string(&query.with(|q| q.get("lang")).map(|l| vec![("lang", l)]).unwrap_or_default())
        )
    };
    let task_label = move |task: Id| {
        let number = st.numbers.with(|n| n.get(&task).cloned().unwrap_or_default());
        st.plan.with(|p| p.task(task).map(|t| format!("{number} {}", t.title.get(lang.get())))).unwrap_or_default()
    };
    let red = move || board.with(|b| b.by_light.iter().find(|(l, _)| *l == Light::Red).map(|(_, v)| v.clone()).unwrap_or_default());
    // "… and 12 more: see them all in the table", when a list is cut.
    let more = move |rest: usize, f: TableFilter| {
        (rest > 0).then(|| {
            view! {
                <li class="more">
                    <A href=move || table(f.clone())>{move || format!("{} {rest} {}", lang.get().t(m::AND_MORE), lang.get().t(m::MORE_IN_TABLE))}</A>
                </li>
            }
        })
    };
    // Problems, the first few: raised on, task, what, and whom it asks.
    let problem_list = move |ids: Vec<Id>, facet: Facet| {
        let rest = ids.len().saturating_sub(BOARD_LIST_MAX);
        let rows = ids
            .into_iter()
            .take(BOARD_LIST_MAX)
            .filter_map(|id| st.plan.with(|p| p.problems.iter().find(|x| x.id == id).cloned()))
            .map(|pr| {
                let asked = st.plan.with(|p| pr.assigned_to.and_then(|a| p.person(a)).map(|x| x.name.get(lang.get()).to_string()));
                view! {
                    <li>
                        <span class="date">{pr.raised_on.to_string()}</span> " · " <A href=sheet(pr.task)>{task_label(pr.task)}</A> " · " {pr.description.clone()}
                        {asked.map(|n| view! { " · " <strong>{lang.get().t(ml::ASKED)} " " {n} " " {lang.get().t(ml::ASKED_END)}</strong> })}
                    </li>
                }
            })
            .collect_view();
        (rows, more(rest, TableFilter { facet: Some(facet), ..Default::default() }))
    };
    // The most overdue (or soonest due) first; past BOARD_LIST_MAX the rest
    // are counted, with the table's list of them one click away.
    let milestone_list = move |list: Vec<MilestoneRef>, overdue: bool| {
        let rest = list.len().saturating_sub(BOARD_LIST_MAX);
        let facet = if overdue { Facet::Overdue } else { Facet::DueSoon };
        let more = (rest > 0).then(|| {
            view! {
                <li class="more">
                    <A href=move || table(TableFilter { facet: Some(facet), ..Default::default() })>
                        {move || format!("{} {rest} {}", lang.get().t(m::AND_MORE), lang.get().t(m::MORE_IN_TABLE))}
                    </A>
                </li>
            }
        });
        let shown = list
            .into_iter()
            .take(BOARD_LIST_MAX)
            .map(|r| {
                // No milestone: the task's own due date is what is late.
                let title = match r.milestone {
                    Some(mid) => st.plan.with(|p| p.task(r.task).and_then(|t| t.milestones.iter().find(|x| x.id == mid)).map(|x| x.title.get(lang.get()).to_string())).unwrap_or_default(),
                    None => lang.get().t(m::TASK_DUE_DATE).to_string(),
                };
                let days = if overdue { format!("{} {}", r.days, lang.get().t(m::DAYS_OVERDUE)) } else { format!("{} {}", r.days, lang.get().t(m::DAYS_LEFT)) };
                view! { <li><A href=sheet(r.task)>{task_label(r.task)}</A> " · " {title} " · " <span class="date">{r.due.to_string()}</span> " (" {days} ")"</li> }
            })
            .collect_view();
        (shown, more)
    };

    let extras = Memo::new(move |_| st.plan.with(|p| board.with(|b| p.board_extras(&scope.get(), b))));
    view! {

            <div class="board-lists board-first">
                <section class="board-section" aria-labelledby="red-heading">
                    <h3 id="red-heading">{st.tr(ml::RED_TASKS)} " " <A href=move || table(TableFilter { light: Some(Light::Red), ..Default::default() })>{move || red().len()}</A> " " {st.tr(m::TASKS_WORD)}</h3>
                    {move || {
                        let red = red();
                        if red.is_empty() {
                            return view! { <p class="empty">{st.tr(ml::NO_RED)}</p> }.into_any();
                        }
                        let rest = red.len().saturating_sub(BOARD_LIST_MAX);
                        let rows = red.into_iter().take(BOARD_LIST_MAX).map(|id| {
                            let why = st.lights.with(|l| l.get(&id).and_then(|a| a.first_reason()).map(|r| reason(lang.get(), r))).unwrap_or_default();
                            view! { <li><A href=sheet(id)>{task_label(id)}</A> " — " <span class="reason">{why}</span></li> }
                        }).collect_view();
                        view! { <ul>{rows}{more(rest, TableFilter { light: Some(Light::Red), ..Default::default() })}</ul> }.into_any()
                    }}
                </section>
                <section class="board-section" aria-labelledby="overdue-heading">
                    <h3 id="overdue-heading">{st.tr(m::OVERDUE_MILESTONES)} " " <A href=move || table(TableFilter { facet: Some(Facet::Overdue), ..Default::default() })>{move || board.with(|b| b.overdue_tasks().len())}</A> " " {st.tr(m::TASKS_WORD)}</h3>
                    <ul>{move || milestone_list(board.with(|b| b.overdue.clone()), true)}</ul>
                </section>
                <section class="board-section" aria-labelledby="leader-problems-heading">
                    <h3 id="leader-problems-heading">{st.tr(ml::NEEDS_LEADER)} " " <span class="hint">{move || extras.with(|b| b.leader_problems.len())}</span></h3>
                    <Show when=move || extras.with(|b| !b.leader_problems.is_empty()) fallback=move || view! { <p class="empty">{st.tr(ml::NO_NEEDS_LEADER)}</p> }>
                        <ul>{move || problem_list(extras.with(|b| b.leader_problems.clone()), Facet::Problems)}</ul>
                    </Show>
                </section>
                <crate::app::components::board::workflow::BoardWorkflow extras sheet=Callback::new(sheet) task_label=Callback::new(task_label) />
                <OpenDecisions extras />
                <RiskRegister extras sheet=Callback::new(sheet) task_label=Callback::new(task_label) table=Callback::new(table) />
                <section class="board-section" aria-labelledby="silent-heading">
                    <h3 id="silent-heading">{st.tr(m::NOT_REPORTED)} <span class="hint">" (" {st.tr(m::SINCE)} " " {move || board.with(|b| b.week_start.to_string())} ")"</span> " " <A href=move || table(TableFilter { facet: Some(Facet::Silent), ..Default::default() })>{move || board.with(|b| b.silent_tasks().len())}</A> " " {st.tr(m::TASKS_WORD)}</h3>
                    <ul>
                        {move || {
                            let silent = board.with(|b| b.silent.clone());
                            let rest = silent.len().saturating_sub(BOARD_LIST_MAX);
                            let rows = silent.into_iter().take(BOARD_LIST_MAX).map(|s| {
                                let name = st.plan.with(|p| p.unit(s.unit).map(|x| x.name.get(lang.get()).to_string())).unwrap_or_default();
                                // A unit owing many: its first few numbers and how many in all.
                                let first = st.numbers.with(|n| s.tasks.iter().take(SILENT_NUMBERS).filter_map(|t| n.get(t).cloned()).collect::<Vec<_>>().join("、"));
                                let numbers = if s.tasks.len() > SILENT_NUMBERS {
                                    format!("{first} {} {} {}", lang.get().t(ml::ETC), s.tasks.len(), lang.get().t(ml::ETC_END))
                                } else {
                                    first
                                };
                                let unit = s.unit;
                                view! { <li>{name} ": " <A href=move || table(TableFilter { unit: Some(unit), facet: Some(Facet::Silent), ..Default::default() })>{numbers}</A></li> }
                            }).collect_view();
                            let more = (rest > 0).then(|| view! {
                                <li class="more"><A href=move || table(TableFilter { facet: Some(Facet::Silent), ..Default::default() })>{move || format!("{} {rest} {}", lang.get().t(ml::AND_MORE), lang.get().t(ml::MORE_SILENT))}</A></li>
                            });
                            (rows, more)
                        }}
                    </ul>
                </section>
            </div>

            <section class="board-section" aria-labelledby="actions-heading">
                <h3 id="actions-heading">{st.tr(m::ACTIONS_HEADING)}</h3>
                <table class="sheet-table board-actions">
                    <thead><tr>
                        <th scope="col">{st.tr(m::COL_NO)}</th><th scope="col">{st.tr(m::F_ACTION)}</th><th scope="col">{st.tr(m::PROGRESS)}</th><th scope="col">{st.tr(m::COL_LIGHT)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || board.with(|b| b.actions.iter().take(BOARD_ACTIONS_MAX).cloned().collect::<Vec<_>>()) key=|a| a.key() children=move |a| {
                            let id = a.action;
                            let title = move || st.plan.with(|p| p.action(id).map(|x| x.title.get(lang.get()).to_string())).unwrap_or_default();
                            // The counts beside the light say which tasks (a list of numbers would not).
                            let light = Signal::derive(move || {
                                let mut a = st.plan.with(|p| st.lights.with(|l| p.action_light_with(id, l)));
                                a.reasons.retain(|r| !matches!(r, crate::domain::light::Reason::Tasks { .. }));
                                a
                            });
                            view! {
                                <tr>
                                    <td class="num">{a.number}</td>
                                    <td><A href=move || table(TableFilter { action: Some(id), ..Default::default() })>{title}</A></td>
                                    <td class="bar-cell"><ProgressBar value=Signal::derive(move || a.progress) label=Signal::derive(title) /></td>
                                    <td>
                                        <LightBadge assessment=light />
                                        <span class="mini-counts">
                                            {a.by_light.iter().filter(|(_, v)| !v.is_empty()).map(|(l, v)| { let l = *l; let n = v.len(); view! {
                                                <A href=move || table(TableFilter { action: Some(id), light: Some(l), ..Default::default() }) attr:class=format!("mini light-{}", l.key())>
                                                    {move || format!("{} {n}", light_name(lang.get(), l))}
                                                </A>
                                            } }).collect_view()}
                                        </span>
                                    </td>
                                </tr>
                            }
                        } />
                    </tbody>
                </table>
                {move || {
                    let rest = board.with(|b| b.actions.len()).saturating_sub(BOARD_ACTIONS_MAX);
                    (rest > 0).then(|| view! {
                        <p class="more"><A href=move || table(TableFilter::default())>{move || format!("{} {rest} {}", lang.get().t(ml::AND_MORE), lang.get().t(ml::MORE_ACTIONS))}</A></p>
                    })
                }}
            </section>
            <section class="board-section" aria-labelledby="units-heading">
                <h3 id="units-heading">{st.tr(m::UNITS)}</h3>
                <ExportButtons export=units_export(st, board) />
                <table class="sheet-table">
                    <thead><tr>
                        <th scope="col">{st.tr(m::UNIT)}</th><th scope="col">{st.tr(m::TASKS_HEADER)}</th><th scope="col">{st.tr(m::LIGHT_RED)}</th><th scope="col">{st.tr(m::LIGHT_YELLOW)}</th><th scope="col">{st.tr(m::LAST_REPORT)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || board.with(|b| b.units.iter().take(BOARD_UNITS_MAX).cloned().collect::<Vec<_>>()) key=|u| u.clone() children=move |u| {
                            let id = u.unit;
                            let name = move || st.plan.with(|p| p.unit(id).map(|x| x.name.get(lang.get()).to_string())).unwrap_or_default();
                            let link = move |light: Option<Light>| table(TableFilter { unit: Some(id), light, ..Default::default() });
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    <td><A href=move || link(None)>{u.tasks.len()}</A></td>
                                    <td><A href=move || link(Some(Light::Red))>{u.red.len()}</A></td>
                                    <td><A href=move || link(Some(Light::Yellow))>{u.yellow.len()}</A></td>
                                    <td class="date">{u.last_report.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</td>
                                </tr>
                            }
                        } />
                    </tbody>
                </table>
                {move || {
                    let rest = board.with(|b| b.units.len()).saturating_sub(BOARD_UNITS_MAX);
                    (rest > 0).then(|| view! {
                        <p class="more"><A href=move || crate::app::url::with_lang("/units", query.with(|q| q.get("lang")))>{move || format!("{} {rest} {}", lang.get().t(ml::AND_MORE), lang.get().t(ml::MORE_UNITS))}</A></p>
                    })
                }}
            </section>

            <div class="board-lists">
                <section class="board-section" aria-labelledby="soon-heading">
                    <h3 id="soon-heading">{move || {
                        let (before, after) = (lang.get().t(m::DUE_WITHIN), lang.get().t(m::DAYS));
                        let n = st.plan.with(|p| p.settings.board_window_days);
                        if before.is_empty() { format!("{n} {after}") } else { format!("{before} {n} {after}") }
                    }} " " <A href=move || table(TableFilter { facet: Some(Facet::DueSoon), ..Default::default() })>{move || board.with(|b| b.due_soon_tasks().len())}</A> " " {st.tr(m::TASKS_WORD)}</h3>
                    <ul>{move || milestone_list(board.with(|b| b.due_soon.clone()), false)}</ul>
                </section>
                <section class="board-section" aria-labelledby="problems-heading">
                    <h3 id="problems-heading">{st.tr(m::PROBLEMS)} " " <A href=move || table(TableFilter { facet: Some(Facet::Problems), ..Default::default() })>{move || board.with(|b| b.problem_tasks.len())}</A> " " {st.tr(m::TASKS_WORD)}</h3>
                    <ul>
                        {move || problem_list(board.with(|b| b.open_problems.clone()), Facet::Problems)}
                    </ul>
                </section>
            </div>
            {crate::app::shell::board_charts()}
    }
}

/// The meetings' decisions still open, worst light first, each closable here.
#[component]
fn OpenDecisions(
    /// The board's extras: the decisions of the meetings on its scope.
    extras: Memo<crate::domain::board::Extras>,
) -> impl IntoView {
    use crate::app::i18n::m_meetings as mm;
    let st = use_state();
    let lang = st.lang;
    let query = use_query_map();
    let rows = Memo::new(move |_| {
        st.plan.with(|p| {
            let l = lang.get();
            extras
                .get()
                .decisions
                .into_iter()
                .filter_map(|o| {
                    let (mt, d) = p.decision(o.meeting, o.decision)?;
                    let owner = d.owner.and_then(|u| p.unit(u)).map(|u| u.name.get(l).to_string()).unwrap_or_default();
                    Some((o, d.text.clone(), owner, d.due, mt.date, mt.kind))
                })
                .collect::<Vec<_>>()
        })
    });
    let meetings = move || crate::app::url::with_lang("/meetings", query.with(|q| q.get("lang")));
    view! {
        <section class="board-section open-decisions" aria-labelledby="decisions-heading">
            <h3 id="decisions-heading">{st.tr(mm::OPEN_DECISIONS)} " " <span class="hint">{move || rows.with(|r| r.len())}</span></h3>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty">{st.tr(mm::NO_OPEN_DECISIONS)}</p> }>
                <ul class="decision-list">
                    {move || rows.get().into_iter().map(|(o, text, owner, due, date, kind)| {
                        let (meeting, decision) = (o.meeting, o.decision);
                        let assessment = o.assessment.clone();
                        let label = text.clone();
                        view! {
                            <li data-decision=decision.to_string()>
                                <LightBadge assessment=Signal::derive(move || assessment.clone()) />
                                " · " <span class="decision-text">{text}</span>
                                {(!owner.is_empty()).then(|| view! { " · " <span class="owner">{owner}</span> })}
                                " · " {st.tr(mm::DUE)} " " <span class="date">{due.map(|d| d.to_string()).unwrap_or_else(|| "—".into())}</span>
                                " · " <A href=meetings>{date.to_string()} " " {move || lang.get().t(mm::kind(kind))}</A>
                                {crate::app::pages::meetings::may_close(st, meeting).then(|| view! {
                                    " " <button type="button" class="no-print" aria-label=move || format!("{}: {label}", lang.get().t(mm::CLOSE)) on:click=move |_| crate::app::pages::meetings::close(st, meeting, decision)>{st.tr(mm::CLOSE)}</button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// The risk register: open risks by level and category, and the high and
/// major ones listed by task, the first few with a link to them all.
#[component]
fn RiskRegister(
    /// The board's extras.
    extras: Memo<crate::domain::board::Extras>,
    /// A task's sheet.
    sheet: Callback<Id, String>,
    /// "1.2 title" of a task.
    task_label: Callback<Id, String>,
    /// A link to the table.
    table: Callback<TableFilter, String>,
) -> impl IntoView {
    use crate::domain::{RiskCategory, RiskLevel};
    let st = use_state();
    let lang = st.lang;
    let risks = Memo::new(move |_| {
        extras.with(|b| {
            st.plan.with(|p| b.open_risks.iter().filter_map(|id| p.risks.iter().find(|r| r.id == *id).cloned()).collect::<Vec<_>>())
        })
    });
    let grid = move || {
        let levels: Vec<RiskLevel> = RiskLevel::ALL.into_iter().rev().collect();
        let l = lang.get();
        let cats: Vec<RiskCategory> =
            RiskCategory::ALL.into_iter().filter(|c| risks.with(|r| r.iter().any(|x| x.category == *c))).collect();
        let head = cats.iter().map(|c| view! { <th scope="col">{risk_category(l, *c)}</th> }).collect_view();
        let rows = levels
            .iter()
            .map(|lv| {
                let cells = cats.iter().map(|c| view! { <td class="num">{risks.with(|r| r.iter().filter(|x| x.level == *lv && x.category == *c).count())}</td> }).collect_view();
                let total = risks.with(|r| r.iter().filter(|x| x.level == *lv).count());
                view! { <tr><th scope="row">{risk_level(l, *lv)}</th>{cells}<td class="num">{total}</td></tr> }
            })
            .collect_view();
        view! {
            <div class="table-scroll" role="region" tabindex="0" aria-label=l.t(ml::RISKS)>
                <table class="sheet-table risk-grid">
                    <thead><tr><th scope="col">{l.t(ml::LEVEL)}</th>{head}<th scope="col">{l.t(ml::TOTAL)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    };
    let high = move || {
        let l = lang.get();
        let high: Vec<_> = risks.with(|r| r.iter().filter(|x| x.level.is_high()).cloned().collect());
        let rest = high.len().saturating_sub(BOARD_LIST_MAX);
        let rows = high
            .into_iter()
            .take(BOARD_LIST_MAX)
            .map(|r| {
                view! {
                    <li>
                        <span class=format!("risk-level risk-{}", if r.level == RiskLevel::Major { "major" } else { "high" })>{risk_level(l, r.level)}</span>
                        " · " {risk_category(l, r.category)} " · " <A href=sheet.run(r.task)>{task_label.run(r.task)}</A> " · " {r.description.clone()}
                    </li>
                }
            })
            .collect_view();
        let more = (rest > 0).then(|| {
            let href = table.run(TableFilter { facet: Some(Facet::Risks), ..Default::default() });
            view! { <li class="more"><A href=href>{format!("{} {rest} {}", l.t(m::AND_MORE), l.t(m::MORE_IN_TABLE))}</A></li> }
        });
        view! { <h4>{l.t(ml::HIGH_RISKS)}</h4><ul>{rows}{more}</ul> }
    };
    view! {
        <section class="board-section risk-register" aria-labelledby="risks-heading">
            <h3 id="risks-heading">{st.tr(ml::RISKS)} " " <A href=move || table.run(TableFilter { facet: Some(Facet::Risks), ..Default::default() })>{move || risks.with(|r| r.len())}</A></h3>
            <Show when=move || risks.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty">{st.tr(ml::NO_RISKS)}</p> }>
                {grid}
                {high}
            </Show>
        </section>
    }
}
