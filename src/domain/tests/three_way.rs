//! A form saves as a three-way change (issue 14, point 1): untouched fields
//! follow the table, the person's changes win where the table did not
//! move, and a field both changed is saved only once the person chose.

use crate::domain::drafts::PersonDraft;
use crate::domain::edit::TaskDraft;
use crate::domain::example::luohu_2022;
use crate::domain::three_way::{base_name, three_way, Fields, Keep};
use crate::domain::{Id, Lang, Text};
use chrono::NaiveDate;

fn day(m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2022, m, d)
}

fn task() -> TaskDraft {
    let p = luohu_2022();
    p.task_draft(p.tasks[0].id).unwrap()
}

const DUE: usize = 7;
const TITLE_ZH: usize = 1;

#[test]
fn a_field_the_person_did_not_touch_keeps_the_tables_new_value() {
    // Tab A set the deadline; this form changed only the title.
    let opened = task();
    let mut typed = opened.clone();
    typed.title.zh = "新名称".into();
    let mut current = opened.clone();
    current.due = day(9, 30);
    let saved = three_way(&opened, &typed, &current, |_| None).unwrap();
    assert_eq!(saved.due, day(9, 30));
    assert_eq!(saved.title.zh, "新名称");
}

#[test]
fn a_field_only_the_person_changed_takes_the_persons_value() {
    let opened = task();
    let mut typed = opened.clone();
    typed.due = day(8, 31);
    let saved = three_way(&opened, &typed, &opened, |_| None).unwrap();
    assert_eq!(saved, typed);
}

#[test]
fn a_field_both_changed_alike_is_no_clash() {
    let opened = task();
    let mut typed = opened.clone();
    typed.due = day(8, 31);
    let saved = three_way(&opened, &typed, &typed.clone(), |_| None).unwrap();
    assert_eq!(saved.due, day(8, 31));
}

#[test]
fn a_field_both_changed_differently_waits_for_the_persons_choice() {
    let opened = task();
    let mut typed = opened.clone();
    typed.due = day(8, 31);
    typed.title.zh = "新名称".into();
    let mut current = opened.clone();
    current.due = day(9, 30);
    assert_eq!(three_way(&opened, &typed, &current, |_| None), Err(vec![DUE]));
    let mine = three_way(&opened, &typed, &current, |i| (i == DUE).then_some(Keep::Mine)).unwrap();
    assert_eq!((mine.due, mine.title.zh.as_str()), (day(8, 31), "新名称"));
    let table = three_way(&opened, &typed, &current, |i| (i == DUE).then_some(Keep::Table)).unwrap();
    assert_eq!((table.due, table.title.zh.as_str()), (day(9, 30), "新名称"));
}

#[test]
fn a_choice_for_a_field_that_does_not_clash_changes_nothing() {
    let opened = task();
    let mut typed = opened.clone();
    typed.title.zh = "新名称".into();
    let saved = three_way(&opened, &typed, &opened, |_| Some(Keep::Table)).unwrap();
    assert_eq!(saved.title.zh, "新名称");
    assert_eq!(TITLE_ZH, TaskDraft::NAMES.iter().position(|n| *n == "title.zh").unwrap());
}

#[test]
fn every_field_is_named_as_the_record_names_it_and_has_a_value() {
    assert_eq!(TaskDraft::NAMES, &["action", "title.zh", "title.en", "responsible", "co_organizers", "person", "start", "due"]);
    let d = task();
    assert_eq!(d.value(DUE), serde_json::json!(d.due.map(|d| d.to_string())));
    let p = PersonDraft { name: Text::new("张三", ""), title: Text::default(), unit: Some(Id::from_name("u")) };
    assert_eq!(p.value(0), serde_json::json!("张三"));
    assert_eq!(p.value(4), serde_json::json!(Id::from_name("u").to_string()));
    assert_eq!(base_name(PersonDraft::NAMES[3]), ("title", Some(Lang::En)));
}

#[test]
fn one_tabs_chinese_and_anothers_english_of_one_title_never_clash() {
    let opened = task();
    let mut typed = opened.clone();
    typed.title.zh = "新名称".into();
    let mut current = opened.clone();
    current.title.en = "New name".into();
    let saved = three_way(&opened, &typed, &current, |_| None).unwrap();
    assert_eq!((saved.title.zh.as_str(), saved.title.en.as_str()), ("新名称", "New name"));
}
