//! "My unit, my action": narrows the board and the timeline. The choice
//! lives in the URL (`?unit=…&action=…`) and is remembered for the next
//! visit.

use crate::app::components::picker::Picker;
use crate::app::i18n::{m, m_leader};
use crate::app::state::use_state;
use crate::app::url::{query_string, use_replace_query};
use crate::domain::board::Scope;
use crate::domain::Id;
use crate::storage::local;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The scope the URL names.
pub fn use_scope() -> Memo<Scope> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| {
            let id = |k: &str| q.get(k).and_then(|v| Id::parse(&v));
            Scope { unit: id("unit"), action: id("action"), leader: id("leader") }
        })
    })
}

/// The scope as query pairs.
pub fn scope_pairs(s: &Scope) -> Vec<(&'static str, String)> {
    let mut v = Vec::new();
    if let Some(u) = s.unit {
        v.push(("unit", u.to_string()));
    }
    if let Some(a) = s.action {
        v.push(("action", a.to_string()));
    }
    if let Some(p) = s.leader {
        v.push(("leader", p.to_string()));
    }
    v
}

#[component]
pub fn ScopePicker(
    /// The scope from the URL.
    scope: Memo<Scope>,
) -> impl IntoView {
    let st = use_state();
    let lang = st.lang;
    let replace = use_replace_query();
    let go = move |s: Scope| {
        let pairs = scope_pairs(&s);
        local::store_scope(query_string(&pairs).trim_start_matches('?'));
        replace.with_value(|r| r(pairs));
    };
    let go = StoredValue::new(go);
    // A visit without a scope in the URL takes the remembered one.
    let restore = move || {
        if scope.get_untracked() == Scope::default() {
            let saved = local::stored_scope().unwrap_or_default();
            let mut s = Scope::default();
            for (k, v) in saved.split('&').filter_map(|p| p.split_once('=')) {
                match k {
                    "unit" => s.unit = Id::parse(v),
                    "action" => s.action = Id::parse(v),
                    "leader" => s.leader = Id::parse(v),
                    _ => {}
                }
            }
            if s != Scope::default() {
                go.with_value(|g| g(s));
            }
        }
    };
    Effect::new(move |_| restore());
    let units = Signal::derive(move || st.plan.with(|p| p.unit_choices(lang.get())));
    let actions = Signal::derive(move || st.plan.with(|p| p.action_choices(lang.get())));
    let leaders = Signal::derive(move || st.plan.with(|p| p.leader_choices(lang.get())));
    view! {
        <form class="filters scope" role="search" aria-label=st.tr(m::SCOPE) on:submit=|ev| ev.prevent_default()>
            <Picker label=m::MY_UNIT options=units value=Signal::derive(move || scope.get().unit) empty=m::ALL
                on_change=Callback::new(move |u| go.with_value(|g| g(Scope { unit: u, ..scope.get_untracked() }))) />
            <Picker label=m::MY_ACTION options=actions value=Signal::derive(move || scope.get().action) empty=m::ALL
                on_change=Callback::new(move |a| go.with_value(|g| g(Scope { action: a, ..scope.get_untracked() }))) />
            // Only a plan whose key actions name their leaders has leaders to pick.
            <Show when=move || leaders.with(|l| !l.is_empty()) || scope.get().leader.is_some()>
                <Picker label=m_leader::MY_LEADER options=leaders value=Signal::derive(move || scope.get().leader) empty=m::ALL
                    on_change=Callback::new(move |p| go.with_value(|g| g(Scope { leader: p, ..scope.get_untracked() }))) />
            </Show>
        </form>
    }
}
