//! The one state at the root: the plan signal, the language, and what
//! storage has to say. Pages read the plan through memos and change it only
//! through `AppState::edit`, which stamps the change and lets the save
//! effect persist it.

use super::i18n::{Msg, Tr};
use crate::domain::edit::EditError;
use crate::domain::light::Assessment;
use crate::domain::ownership::{Act, RecordKind, Side, Subject};
use crate::domain::{example, Id, Lang, Plan, Stamp};
use crate::exchange::import::{Prepared, Refused};
use crate::exchange::merge::Choice;
use crate::exchange::ReadError;
use crate::storage::envelope::Workspace;
use crate::storage::keep::Meter;
use crate::storage::local::{self, SaveError};
use crate::storage::parts::{self, Dirty, Layout};
use crate::storage::{Loaded, KEY_PLAN};
use chrono::{Local, NaiveDate, Utc};
use leptos::prelude::*;
use std::collections::HashMap;

/// What the storage banner shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoreNotice {
    /// The stored plan could not be read: the error, the key the raw text
    /// is kept under, and the raw text itself (for download).
    pub unreadable: Option<(ReadError, Option<String>, String)>,
    /// The last save was refused.
    pub save_error: Option<SaveError>,
    /// Another tab saved a newer plan; this tab stopped saving so as not to
    /// overwrite it.
    pub stale: bool,
    /// How many saves were refused in this visit (the refused-save dialog
    /// opens at each new one).
    pub refusals: u32,
    /// The last visit's changes were not stored: when the refused change was.
    pub unsaved_before: Option<chrono::DateTime<Utc>>,
}

/// An import waiting for the person's decision, or refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// Previewed: `choices[i]` answers the i-th conflict.
    Preview { prepared: Box<Prepared>, choices: Vec<Option<Choice>> },
    /// Refused: the file's name and why. The table is unchanged.
    Refused { file: String, why: Refused },
}

/// A file being read or written; shown with its step until done.
#[derive(Clone, Debug, PartialEq)]
pub struct Busy {
    pub job: Job,
    pub file: String,
    /// 1-based: an import reads, checks, then compares (3 steps); an
    /// export writes (1 step); every unit's slice writes one unit's slice
    /// per step, then packs the ZIP.
    pub step: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    Import,
    Export,
    /// Every unit's slice in one ZIP: this many units (at most 254 counted).
    Slices(u8),
}

impl Job {
    pub fn steps(self) -> u8 {
        match self {
            Job::Import => 3,
            Job::Export => 1,
            Job::Slices(units) => units.saturating_add(1),
        }
    }
}

/// What an applied import replaced, so that one step undoes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Undo {
    pub file: String,
    pub added: usize,
    pub changed: usize,
    pub plan: Plan,
    pub me: Option<Id>,
    pub base: Option<Plan>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub plan: RwSignal<Plan>,
    /// The unit this browser acts as; `None` for the supervision office.
    pub me: RwSignal<Option<Id>>,
    /// The slice this unit last imported (what its reports are measured from).
    pub base: RwSignal<Option<Plan>>,
    /// An import being previewed, or one just refused.
    pub pending: RwSignal<Option<Pending>>,
    /// A file being imported or exported, with its step.
    pub busy: RwSignal<Option<Busy>>,
    /// The last import applied, until it is undone or another change is made.
    pub undo: RwSignal<Option<Undo>>,
    /// Every import applied here, and every undo (kept in this browser);
    /// `None` until the import chunk first reads it (`exchange::import_log`),
    /// and again after another tab saved.
    pub imports: RwSignal<Option<crate::domain::import_log::ImportLog>>,
    /// The stored revision this tab last wrote or read (reactive).
    pub saved: RwSignal<u64>,
    pub lang: Memo<Lang>,
    /// The date the lights are computed for: the plan's "as of", else today.
    pub today: Memo<NaiveDate>,
    /// Every task's light, computed once per change and shared by all rows.
    pub lights: Memo<HashMap<Id, Assessment>>,
    /// Where each task sits in `plan.tasks`, for lookups without a scan.
    pub task_index: Memo<HashMap<Id, usize>>,
    /// Every task's displayed number ("9.2"), for pages that name many tasks.
    pub numbers: Memo<HashMap<Id, String>>,
    pub notice: RwSignal<StoreNotice>,
    /// How full localStorage is, measured after each save.
    pub meter: RwSignal<Meter>,
    /// Days since the plan was last exported, when a reminder is due.
    pub reminder: RwSignal<Option<i64>>,
    /// What the browser answered to `navigator.storage.persist()`.
    pub persisted: RwSignal<Option<bool>>,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// The stored envelope's revision that this tab last wrote or read.
    revision: StoredValue<u64>,
    /// The next run of the save effect follows another tab's save: skip it.
    adopting: StoredValue<bool>,
    /// How the stored revision is laid out in parts (none before the first
    /// save in parts): the next save writes only what changed since.
    layout: StoredValue<Option<Layout>>,
    /// What changed since the last save: the records the commands stamped,
    /// or everything after a change no command described.
    dirty: StoredValue<Dirty>,
}

impl AppState {
    /// Load the plan from storage (or open the example) and start saving.
    pub fn new(lang: Memo<Lang>) -> Self {
        let (loaded, kept) = local::load();
        let mut notice = StoreNotice { unsaved_before: local::unsaved(), ..StoreNotice::default() };
        // Unreadable text that could not be copied to its own key is the
        // only copy: saving would overwrite it, so this tab does not save.
        let mut only_copy = false;
        let (plan, revision, me, base, layout) = match loaded {
            Loaded::Plan(env) => (env.plan, env.revision, env.me, env.base, env.layout),
            Loaded::Empty => (example::luohu_2022(), 0, None, None, None),
            Loaded::Unreadable { raw, error } => {
                only_copy = kept.is_none();
                notice.unreadable = Some((error, kept, raw));
                (example::luohu_2022(), 0, None, None, None)
            }
        };
        let plan = RwSignal::new(plan);
        let me = RwSignal::new(me);
        let base = RwSignal::new(base);
        let today = Memo::new(move |_| plan.with(|p| p.as_of(Local::now().date_naive())));
        let lights = Memo::new(move |_| plan.with(|p| p.task_lights(today.get())));
        let task_index = Memo::new(move |_| {
            plan.with(|p| p.tasks.iter().enumerate().filter(|(_, t)| !t.meta.deleted).map(|(i, t)| (t.id, i)).collect())
        });
        let numbers = Memo::new(move |_| plan.with(|p| p.task_numbers()));
        let state = AppState {
            plan,
            me,
            base,
            pending: RwSignal::new(None),
            busy: RwSignal::new(None),
            undo: RwSignal::new(None),
            imports: RwSignal::new(None),
            saved: RwSignal::new(revision),
            lang,
            today,
            lights,
            task_index,
            numbers,
            notice: RwSignal::new(notice),
            meter: RwSignal::new(local::meter()),
            reminder: RwSignal::new(None),
            persisted: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            revision: StoredValue::new(revision),
            adopting: StoredValue::new(false),
            layout: StoredValue::new(layout),
            dirty: StoredValue::new(Dirty::default()),
        };
        state.persist(only_copy);
        state.follow_other_tabs();
        state.ask_to_persist();
        state.check_reminder();
        state
    }

    /// Another tab saved: when its save is newer, show it here too, unless
    /// this tab holds changes the browser refused to store (then it says
    /// the table changed elsewhere, and never overwrites it).
    fn follow_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() != Some(KEY_PLAN) {
                return;
            }
            if self.notice.with_untracked(|n| n.save_error.is_some()) {
                self.notice.update(|n| n.stale = true);
                return;
            }
            if let Some(Loaded::Plan(env)) = local::newer_than(self.revision.get_value()) {
                self.adopting.set_value(true);
                self.revision.set_value(env.revision);
                self.layout.set_value(env.layout);
                self.dirty.set_value(Dirty::default());
                self.saved.set(env.revision);
                self.imports.set(None);
                self.plan.set(env.plan);
                self.me.set(env.me);
                self.base.set(env.base);
                self.undo.set(None);
                self.notice.update(|n| n.stale = false);
                self.meter.set(local::meter());
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Ask the browser to keep this origin's storage (not evict it under
    /// pressure), and remember the answer for the settings page.
    fn ask_to_persist(self) {
        let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else { return };
        let Ok(promise) = storage.persist() else { return };
        leptos::task::spawn_local(async move {
            let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok().and_then(|v| v.as_bool());
            self.persisted.set(answer);
        });
    }

    /// Work out whether to remind the person to export.
    pub fn check_reminder(self) {
        let days = self.plan.with_untracked(|p| p.settings.export_reminder_days);
        self.reminder.set(crate::storage::keep::reminder(local::exported(), self.revision.get_value(), Utc::now(), days));
    }

    /// Note that the plan was exported now.
    pub fn exported(self) {
        local::mark_exported(Utc::now());
        self.check_reminder();
    }

    /// Save after every change of the plan (not on the first run: opening
    /// the app must not overwrite what is stored). With `refuse`, every save
    /// is refused as the browser refused the copy of the unreadable text.
    fn persist(self, refuse: bool) {
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            // Tracks the plan, who this browser acts as, and the base.
            let me = self.me.get();
            self.base.track();
            self.plan.track();
            if first.get_value() {
                first.set_value(false);
                return;
            }
            if self.adopting.get_value() {
                self.adopting.set_value(false);
                return;
            }
            if refuse {
                self.refused(SaveError::Quota);
                return;
            }
            let ours = self.revision.get_value();
            if local::stored_revision().is_some_and(|stored| stored > ours) {
                self.notice.update(|n| n.stale = true);
                return;
            }
            let rev = ours + 1;
            let saved = self.plan.with_untracked(|plan| {
                self.base.with_untracked(|base| {
                    self.dirty.with_value(|dirty| {
                        self.layout.with_value(|last| {
                            local::save(Workspace { plan, me, base: base.as_ref() }, rev, Utc::now(), dirty, last.as_ref())
                        })
                    })
                })
            });
            match saved {
                Ok(layout) => {
                    self.layout.set_value(Some(layout));
                    self.dirty.set_value(Dirty::default());
                    self.revision.set_value(rev);
                    self.saved.set(rev);
                    self.notice.update(|n| n.save_error = None);
                    local::clear_unsaved();
                    self.check_reminder();
                }
                Err(e) => self.refused(e),
            }
            self.meter.set(local::meter());
        });
    }

    /// A save was refused: say so (the banner and the dialog), and leave a
    /// small note that the next visit reads (`local::mark_unsaved`).
    fn refused(self, e: SaveError) {
        local::mark_unsaved(Utc::now());
        self.notice.update(|n| {
            n.save_error = Some(e);
            n.refusals += 1;
        });
    }

    /// Put a whole table in place (an import applied or undone, a backup
    /// restored, another tab's save, a new plan): the next save writes every
    /// part, since no command said what changed.
    pub fn replace(&self, plan: Plan, me: Option<Id>, base: Option<Plan>) {
        self.dirty.set_value(Dirty::all());
        self.plan.set(plan);
        self.me.set(me);
        self.base.set(base);
    }

    /// Change the table in place outside a command (the office's own key,
    /// pinned once): the next save writes every part.
    pub fn replace_with(&self, f: impl FnOnce(&mut Plan)) {
        self.dirty.set_value(Dirty::all());
        self.plan.update(f);
    }

    /// Run one command on the plan. Domain commands change nothing when they
    /// refuse, so a refusal neither notifies nor saves; neither does a
    /// command that changed nothing (moving the first row up, saving an
    /// unchanged form), so no revision is spent on it. What the command
    /// stamped is what the next save writes (`parts::stamped`).
    pub fn edit<R>(&self, f: impl FnOnce(&mut Plan, Stamp) -> Result<R, EditError>) -> Result<R, EditError> {
        let stamp = self.stamp();
        let mut out = Err(EditError::NotFound);
        let mut changed = false;
        self.plan.maybe_update(|plan| {
            let (result, journal) = plan.run(|p| f(p, stamp));
            out = result;
            changed = out.is_ok() && journal.changed(plan);
            if changed {
                // Kept only when this side owns all of it (the rule the
                // office's import applies), with its trail (留痕).
                if let Err(e) = crate::exchange::trail::commit_change(plan, journal, stamp) {
                    out = Err(e);
                    changed = false;
                }
            }
            if changed {
                self.dirty.update_value(|d| d.add(parts::stamped(plan, stamp)));
            }
            changed
        });
        // Undoing an import after a later edit would lose that edit.
        if changed && self.undo.with_untracked(Option::is_some) {
            self.undo.set(None);
        }
        out
    }

    /// May this browser do `act` to a record of `kind` on `task` made by
    /// `author`? Asked by every control before it is offered (reactive).
    pub fn may(&self, kind: RecordKind, task: Option<Id>, author: Option<Id>, act: Act) -> bool {
        match Side::of(self.me.get()) {
            // The office's answer needs no record (and no lookup per row).
            Side::Office => crate::domain::ownership::may(Side::Office, &Subject::plain(kind), act),
            side => self.plan.with(|p| p.may(side, kind, task, author, act)),
        }
    }

    /// Whether this browser acts as the supervision office (reactive).
    pub fn is_office(&self) -> bool {
        self.me.with(Option::is_none)
    }

    /// Who is changing the plan (this browser's unit), and now.
    pub fn stamp(&self) -> Stamp {
        Stamp { by: self.me.get_untracked(), at: Utc::now() }
    }

    /// A reactive translation of `m`.
    pub fn tr(&self, m: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || lang.get().t(m)
    }
}

/// The state provided at the root.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
