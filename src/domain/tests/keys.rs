//! Roles follow keys: which roles a browser may act as.

use crate::domain::keys::{roles, PublicKey};
use crate::domain::ownership::Side;
use crate::domain::Id;

fn key(n: u8) -> PublicKey {
    let mut raw = vec![4u8];
    raw.extend(std::iter::repeat_n(n, 64));
    PublicKey::from_bytes(&raw).unwrap()
}

#[test]
fn a_browser_acts_only_as_the_roles_whose_keys_it_holds() {
    let (u, v) = (Id::from_name("unit:u"), Id::from_name("unit:v"));
    // A unit's browser: its unit only, never the office.
    assert_eq!(roles(&[(Side::Unit(u), key(1))], Some(&key(9)), Some(u)), vec![Side::Unit(u)]);
    assert_eq!(roles(&[(Side::Unit(u), key(1))], None, None), vec![Side::Unit(u)]);
    // The office's browser: the office, with its key.
    assert_eq!(roles(&[(Side::Office, key(9))], None, None), vec![Side::Office]);
    assert_eq!(roles(&[(Side::Office, key(9))], Some(&key(9)), None), vec![Side::Office]);
    // Holding another key than the one the plan names as the office's is not being the office.
    assert_eq!(roles(&[(Side::Office, key(8))], Some(&key(9)), None), vec![]);
    // A browser that holds both (one person, two roles) may act as either.
    assert_eq!(roles(&[(Side::Office, key(9)), (Side::Unit(v), key(2))], None, None), vec![Side::Office, Side::Unit(v)]);
}

#[test]
fn a_plan_nobody_signed_for_yet_can_be_started_as_the_office() {
    // The example, or a new plan: no key held, none named.
    assert_eq!(roles(&[], None, None), vec![Side::Office]);
    // A plan that names the office's key, opened where no key is held
    // (a new laptop before its key file is imported): no role.
    assert_eq!(roles(&[], Some(&key(9)), None), vec![]);
}

#[test]
fn the_unit_whose_slice_the_browser_took_in_is_its_role_even_before_its_key_is_made() {
    let u = Id::from_name("unit:u");
    // The slice was imported, and the key not made yet (a reload cut it short).
    assert_eq!(roles(&[], Some(&key(9)), Some(u)), vec![Side::Unit(u)]);
    // And it never makes the browser the office.
    assert_eq!(roles(&[], None, Some(u)), vec![Side::Unit(u)]);
    // Held and taken in: listed once.
    assert_eq!(roles(&[(Side::Unit(u), key(1))], Some(&key(9)), Some(u)), vec![Side::Unit(u)]);
}

#[test]
fn new_plans_require_signed_files_and_plans_from_before_signing_do_not() {
    use crate::domain::{Plan, Stamp, Text};
    let blank = Plan::blank(
        Text::new("计划", "Plan"),
        2027,
        chrono::NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(),
        Stamp { by: None, at: chrono::Utc::now() },
    );
    assert!(blank.settings.require_signed);
    // Written before signing: no such field, or no settings at all.
    let mut v = serde_json::to_value(&blank).unwrap();
    v["settings"].as_object_mut().unwrap().remove("require_signed");
    assert!(!serde_json::from_value::<Plan>(v.clone()).unwrap().settings.require_signed);
    v.as_object_mut().unwrap().remove("settings");
    assert!(!serde_json::from_value::<Plan>(v).unwrap().settings.require_signed);
    assert!(!crate::domain::example::luohu_2022().settings.require_signed);
}
