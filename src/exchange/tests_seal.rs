//! The seal's rules, with real signatures: the pure-Rust P-256 crate signs
//! and verifies here, in the IEEE P1363 form WebCrypto uses, and a vector
//! made by WebCrypto itself (Node's, the browser's API) is verified too.

use super::*;
use crate::domain::example::luohu_2022;
use crate::exchange::file::{self, Body, Kind};
use chrono::{TimeZone, Utc};
use p256::ecdsa::signature::{Signer as _, Verifier as _};
use p256::ecdsa::{Signature, SigningKey, VerifyingKey};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// The futures here never wait: poll once.
fn now<T>(f: impl Future<Output = T>) -> T {
    match pin!(f).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("a test signer or verifier waited"),
    }
}

/// A side's key, fixed by its secret scalar (RFC 6979 signing is
/// deterministic, so every run makes the same signatures).
struct Key {
    secret: SigningKey,
    public: PublicKey,
}

impl Key {
    fn fixed(n: u8) -> Self {
        let secret = SigningKey::from_bytes(&[n; 32].into()).expect("a valid scalar");
        let public = PublicKey::from_bytes(secret.verifying_key().to_encoded_point(false).as_bytes()).expect("uncompressed");
        Key { secret, public }
    }
}

impl Signer for Key {
    fn public_key(&self) -> &PublicKey {
        &self.public
    }
    async fn sign(&self, message: &[u8]) -> Option<Vec<u8>> {
        let s: Signature = self.secret.sign(message);
        Some(s.to_bytes().to_vec())
    }
}

struct P256;

impl Verifier for P256 {
    async fn verify(&self, key: &PublicKey, message: &[u8], signature: &[u8]) -> bool {
        let (Ok(k), Ok(s)) = (VerifyingKey::from_sec1_bytes(key.bytes()), Signature::from_slice(signature)) else { return false };
        k.verify(message, &s).is_ok()
    }
}

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 6, 30, 9, 0, 0).unwrap()
}

/// A report file from a unit, sealed by `key`, as text.
fn sealed_file(key: &Key) -> String {
    let p = luohu_2022();
    let unit = p.units[0].id;
    let d = file::draft(Kind::Report, &Body { plan: p, base: None }, Some(unit), Some(unit), at());
    let seal = now(seal(&d.header(), key)).expect("signed");
    d.text(Some(seal))
}

fn sealed_of(text: &str) -> Sealed {
    now(check(&file::parse(text).unwrap().header, &P256))
}

/// The file with the first `"field": value` of its header (which comes
/// before the body) written as `"field": to`.
fn with_header(text: &str, field: &str, to: &str) -> String {
    let key = format!("\n  \"{field}\": ");
    let start = text.find(&key).unwrap_or_else(|| panic!("{field} in the header")) + key.len();
    let end = start + text[start..].find(",\n").unwrap();
    format!("{}{to}{}", &text[..start], &text[end..])
}

/// The seal's `field` written as `to` (a JSON string).
fn with_seal(text: &str, field: &str, to: &str) -> String {
    let key = format!("\"{field}\": \"");
    let seal_at = text.find("\"seal\"").expect("a seal");
    let start = seal_at + text[seal_at..].find(&key).unwrap() + key.len();
    let end = start + text[start..].find('"').unwrap();
    format!("{}{to}{}", &text[..start], &text[end..])
}

#[test]
fn a_sealed_file_reads_back_signed_by_its_key_and_reindenting_keeps_the_seal() {
    let k = Key::fixed(7);
    let text = sealed_file(&k);
    assert_eq!(sealed_of(&text), Sealed::By(k.public.clone()));
    assert_eq!(sealed_of(&text.replace("\n  ", "\n\t")), Sealed::By(k.public.clone()));
    let seal = file::parse(&text).unwrap().header.seal.unwrap();
    assert_eq!(seal.fingerprint, k.public.fingerprint());
    // An unsealed file is as before: no seal in its header.
    let p = luohu_2022();
    assert!(!file::write(Kind::Plan, &Body { plan: p, base: None }, None, None, at()).contains("\"seal\""));
}

#[test]
fn the_fingerprint_is_four_groups_of_four_hex_digits_of_the_keys_hash() {
    let f = Key::fixed(1).public.fingerprint();
    assert!(
        f.len() == 19 && f.split('-').all(|g| g.len() == 4 && g.bytes().all(|c| c.is_ascii_digit() || (b'A'..=b'F').contains(&c))),
        "{f}"
    );
    assert_ne!(f, Key::fixed(2).public.fingerprint());
}

#[test]
fn a_changed_header_field_breaks_the_seal() {
    let text = sealed_file(&Key::fixed(7));
    let other_unit = format!("\"{}\"", luohu_2022().units[1].id);
    // Every header field is covered: the sender, the unit, the kind, the time, the version of the app.
    for (field, to) in [
        ("exported_by", "null"),
        ("unit", other_unit.as_str()),
        ("kind", "\"plan\""),
        ("exported_at", "\"2022-07-01T09:00:00Z\""),
        ("app_version", "\"9.9.9\""),
    ] {
        let t = with_header(&text, field, to);
        assert_ne!(t, text, "{field}");
        assert_eq!(sealed_of(&t), Sealed::Broken(Broken::Signature), "{field}");
    }
}

#[test]
fn a_changed_body_fails_the_checksum_and_a_recomputed_checksum_fails_the_seal() {
    let text = sealed_file(&Key::fixed(7));
    let changed = text.replacen("\"year\": 2022", "\"year\": 2023", 1);
    assert_eq!(file::parse(&changed).unwrap_err(), file::FileError::Checksum);
    // Whoever changes the body and writes its new checksum still cannot sign.
    let body = &changed[changed.find("\"body\": ").unwrap() + 8..changed.rfind('}').unwrap()];
    let t = with_header(&changed, "sha256", &format!("\"{}\"", file::sha256_hex(body)));
    assert!(file::parse(&t).is_ok());
    assert_eq!(sealed_of(&t), Sealed::Broken(Broken::Signature));
}

#[test]
fn another_keys_seal_swapped_in_does_not_hold() {
    let (a, b) = (Key::fixed(7), Key::fixed(8));
    let text = sealed_file(&a);
    // b's key and fingerprint with a's signature: the signature is not b's.
    let t = with_seal(&with_seal(&text, "public_key", &b.public.hex()), "fingerprint", &b.public.fingerprint());
    assert_eq!(sealed_of(&t), Sealed::Broken(Broken::Signature));
    // a's key with b's fingerprint: the fingerprint is not the key's.
    assert_eq!(sealed_of(&with_seal(&text, "fingerprint", &b.public.fingerprint())), Sealed::Broken(Broken::Fingerprint));
}

#[test]
fn a_malformed_seal_or_another_algorithm_is_broken_and_no_seal_is_unsigned() {
    let text = sealed_file(&Key::fixed(7));
    for (field, to, why) in [
        ("algorithm", "RS256", Broken::Algorithm("RS256".into())),
        ("public_key", "04abcd", Broken::Malformed),
        ("signature", "zz", Broken::Malformed),
    ] {
        assert_eq!(sealed_of(&with_seal(&text, field, to)), Sealed::Broken(why), "{field}");
    }
    let p = luohu_2022();
    assert_eq!(sealed_of(&file::write(Kind::Plan, &Body { plan: p, base: None }, None, None, at())), Sealed::Unsigned);
}

#[test]
fn a_webcrypto_signature_verifies_here() {
    // Made by WebCrypto (generateKey ECDSA P-256, exportKey "raw", sign
    // ECDSA SHA-256): the browser's signatures are the ones checked here.
    let key = PublicKey::from_hex("0402f34814aa5dc6700940b26c942d2e64066317e0a7ff35d38c823f5729fb14dcd63894d110b6f0a7f2584533f8a43dcdda8171678ace3f9b361669de495960d1").unwrap();
    let sig = from_hex(
        "7d942ab6655dcef8db06261de9899ffe7447cb310836996460b96daebde68cc88a84940f2a69e8c65b998c6d10d8d31512ea1043a3ec4deeb6c8a45ef41844aa",
    )
    .unwrap();
    let msg = b"gongjian-exchange-seal-v1\nWebCrypto test vector";
    assert!(now(P256.verify(&key, msg, &sig)));
    assert!(!now(P256.verify(&key, b"gongjian-exchange-seal-v1\nWebCrypto test vectors", &sig)));
}

#[test]
fn a_pinned_key_must_sign_and_the_first_key_is_pinned() {
    let (a, b) = (Key::fixed(7), Key::fixed(8));
    let by_a = Sealed::By(a.public.clone());
    assert_eq!(judge(&by_a, Some(&a.public), false), Ok(Trust::Pinned));
    assert_eq!(judge(&by_a, None, true), Ok(Trust::First(a.public.clone())));
    assert_eq!(
        judge(&by_a, Some(&b.public), false),
        Err(Distrust::OtherKey { pinned: b.public.fingerprint(), found: a.public.fingerprint() })
    );
    // Unsigned: a warning only while nothing is pinned and nothing is required.
    assert_eq!(judge(&Sealed::Unsigned, None, false), Ok(Trust::Unsigned));
    assert_eq!(judge(&Sealed::Unsigned, None, true), Err(Distrust::Unsigned));
    assert_eq!(judge(&Sealed::Unsigned, Some(&a.public), false), Err(Distrust::Unsigned));
    // A broken seal is refused whatever is pinned or required.
    for pin in [None, Some(&a.public)] {
        for req in [false, true] {
            assert_eq!(judge(&Sealed::Broken(Broken::Signature), pin, req), Err(Distrust::Broken(Broken::Signature)));
        }
    }
}

#[test]
fn a_public_key_reads_only_as_an_uncompressed_point() {
    let k = Key::fixed(3).public;
    assert_eq!(PublicKey::from_hex(&k.hex()), Some(k.clone()));
    assert_eq!(PublicKey::from_hex(&k.hex()[2..]), None);
    assert_eq!(PublicKey::from_hex(&format!("03{}", &k.hex()[2..])), None);
    assert_eq!(serde_json::from_value::<PublicKey>(serde_json::to_value(&k).unwrap()).unwrap(), k);
    assert!(serde_json::from_value::<PublicKey>("04zz".into()).is_err());
}

#[test]
fn what_is_signed_is_one_line_per_header_field_then_the_checksum_and_the_key() {
    // The signed text is part of the format: files signed today must verify
    // in every later version, so it is spelled out here.
    let p = luohu_2022();
    let (plan, unit) = (p.id, p.units[0].id);
    let d = file::draft(Kind::Report, &Body { plan: p, base: None }, Some(unit), Some(unit), at());
    let h = d.header();
    let k = Key::fixed(7).public;
    let expected = format!(
        "gongjian-exchange-seal-v1\ngongjian-exchange\n1\nreport\n{plan}\n{unit}\n{unit}\n2022-06-30T09:00:00Z\n{}\n{}\n{}",
        file::APP_VERSION,
        h.sha256,
        k.hex()
    );
    assert_eq!(String::from_utf8(signing_input(&h, &k)).unwrap(), expected);
    let office = file::draft(Kind::Slice, &Body { plan: luohu_2022(), base: None }, None, Some(unit), at()).header();
    assert!(String::from_utf8(signing_input(&office, &k)).unwrap().contains(&format!("\nslice\n{plan}\n-\n{unit}\n")));
}

#[test]
fn a_sealed_file_validates_against_the_schema_and_a_malformed_seal_does_not() {
    let schema: serde_json::Value = serde_json::from_str(&crate::exchange::schema::text()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let text = sealed_file(&Key::fixed(7));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = validator.iter_errors(&v).map(|e| format!("{}: {e}", e.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let bad: serde_json::Value = serde_json::from_str(&with_seal(&text, "fingerprint", "3f2a")).unwrap();
    assert!(!validator.is_valid(&bad));
}

// ---- the seal at import: pins, resets, a unit posing as the office -------------

mod at_import {
    use super::*;
    use crate::domain::task_edit::ReportDraft;
    use crate::domain::{Id, Plan, Stamp};
    use crate::exchange::import::{finish, prepare_sealed, Mode, Prepared, Refused, Side};
    use crate::exchange::slice::{report, slice};

    fn stamp(by: Option<Id>) -> Stamp {
        Stamp { by, at: at() }
    }

    /// A file made and sealed by `key` (or unsealed), as text.
    fn file(kind: Kind, body: Body, exported_by: Option<Id>, unit: Option<Id>, key: Option<&Key>) -> String {
        let d = file::draft(kind, &body, exported_by, unit, at());
        let seal = key.map(|k| now(seal(&d.header(), k)).expect("signed"));
        d.text(seal)
    }

    fn import(text: &str, side: Side) -> Result<Prepared, Refused> {
        let parsed = file::parse(text).unwrap();
        let sealed = now(check(&parsed.header, &P256));
        prepare_sealed("f.json", parsed, &sealed, side)
    }

    /// The office's table, its key pinned in it and signed files required.
    fn office(k: &Key) -> Plan {
        let mut p = luohu_2022();
        p.example = false;
        p.office_key = Some(k.public.clone());
        p.settings.require_signed = true;
        p
    }

    fn dongmen(p: &Plan) -> Id {
        p.units.iter().find(|u| u.name.en.starts_with("Dongmen")).unwrap().id
    }

    /// Dongmen's browser after its first slice (signed by `k`).
    fn unit_after_slice(office: &Plan, k: &Key) -> (Plan, Plan) {
        let me = dongmen(office);
        let text = file(Kind::Slice, Body { plan: slice(office, me), base: None }, None, Some(me), Some(k));
        let fresh = luohu_2022();
        let side = Side { plan: &fresh, me: None, base: None };
        let p = import(&text, side).unwrap();
        assert_eq!((p.mode, &p.trust), (Mode::Replace, &Trust::First(k.public.clone())));
        let o = finish(side, &p, &[], stamp(None)).unwrap();
        assert_eq!(o.plan.office_key, Some(k.public.clone()), "the unit's copy now knows the office's key");
        (o.plan, o.base.unwrap())
    }

    /// Dongmen reports on its task, sealed by `k` (or unsealed).
    fn report_file(unit: &mut Plan, base: &Plan, day: u32, k: Option<&Key>) -> String {
        let me = dongmen(unit);
        let task = unit.tasks.iter().find(|t| t.responsible.first() == Some(&me)).unwrap().id;
        let d = ReportDraft {
            task,
            unit: me,
            date: chrono::NaiveDate::from_ymd_opt(2022, 6, day).unwrap(),
            narrative: format!("第 {day} 日进展"),
            progress: Some(f64::from(day)),
            ..Default::default()
        };
        unit.record_report(d, stamp(Some(me))).unwrap();
        file(Kind::Report, report(unit, base), Some(me), Some(me), k)
    }

    fn office_side(p: &Plan) -> Side<'_> {
        Side { plan: p, me: None, base: None }
    }

    #[test]
    fn a_slice_signed_by_another_key_than_the_pinned_office_key_is_refused_naming_both() {
        let (k_office, k_evil) = (Key::fixed(1), Key::fixed(9));
        let office = office(&k_office);
        let (unit, base) = unit_after_slice(&office, &k_office);
        let me = dongmen(&office);
        // Someone else's slice, naming its own key as the office's.
        let mut forged = office.clone();
        forged.office_key = Some(k_evil.public.clone());
        let text = file(Kind::Slice, Body { plan: slice(&forged, me), base: None }, None, Some(me), Some(&k_evil));
        let err = import(&text, Side { plan: &unit, me: Some(me), base: Some(&base) }).unwrap_err();
        let Refused::Seal { why: Distrust::OtherKey { pinned, found }, .. } = &err else { panic!("{err:?}") };
        assert_eq!((pinned.as_str(), found.as_str()), (k_office.public.fingerprint().as_str(), k_evil.public.fingerprint().as_str()));
        assert!(err.to_string().contains(&k_office.public.fingerprint()) && err.to_string().contains(&k_evil.public.fingerprint()));
        // The real office's next slice still lands.
        let text = file(Kind::Slice, Body { plan: slice(&office, me), base: None }, None, Some(me), Some(&k_office));
        assert_eq!(import(&text, Side { plan: &unit, me: Some(me), base: Some(&base) }).unwrap().trust, Trust::Pinned);
    }

    #[test]
    fn a_first_slice_must_be_signed_by_the_office_key_its_plan_names() {
        let (k_office, k_other) = (Key::fixed(1), Key::fixed(2));
        let office = office(&k_office);
        let me = dongmen(&office);
        let text = file(Kind::Slice, Body { plan: slice(&office, me), base: None }, None, Some(me), Some(&k_other));
        let fresh = luohu_2022();
        let err = import(&text, Side { plan: &fresh, me: None, base: None }).unwrap_err();
        assert!(matches!(err, Refused::Seal { why: Distrust::OtherKey { .. }, .. }), "{err:?}");
        // Unsigned, while the office's plan requires signed files: refused.
        let text = file(Kind::Slice, Body { plan: slice(&office, me), base: None }, None, Some(me), None);
        assert!(matches!(import(&text, Side { plan: &fresh, me: None, base: None }), Err(Refused::Seal { why: Distrust::Unsigned, .. })));
    }

    #[test]
    fn the_office_pins_a_units_key_at_its_first_report_and_refuses_another_key_after() {
        let (k_office, k_unit, k_thief) = (Key::fixed(1), Key::fixed(3), Key::fixed(4));
        let office = office(&k_office);
        let me = dongmen(&office);
        let (mut unit, base) = unit_after_slice(&office, &k_office);
        let first = report_file(&mut unit, &base, 20, Some(&k_unit));
        let p = import(&first, office_side(&office)).unwrap();
        assert_eq!(p.trust, Trust::First(k_unit.public.clone()));
        let after = finish(office_side(&office), &p, &[], stamp(None)).unwrap().plan;
        assert_eq!(after.unit(me).unwrap().key, Some(k_unit.public.clone()));
        assert!(after.unit(me).unwrap().meta.rev > office.unit(me).unwrap().meta.rev, "the pin is a change of the unit's record");
        assert_eq!(after.reports.len(), office.reports.len() + 1);

        // The same report again: its key is known, and nothing is new.
        let again = import(&first, office_side(&after)).unwrap();
        assert_eq!(again.trust, Trust::Pinned);
        assert!(again.preview.nothing_new(), "{:?}", again.preview);

        // A later report signed by another key changes nothing.
        let forged = report_file(&mut unit, &base, 21, Some(&k_thief));
        let err = import(&forged, office_side(&after)).unwrap_err();
        assert!(matches!(&err, Refused::Seal { why: Distrust::OtherKey { .. }, from } if from.en.starts_with("Dongmen")), "{err:?}");
        // Nor does an unsigned one (it could be anyone's), even with signing not required.
        let mut lax = after.clone();
        lax.settings.require_signed = false;
        let unsigned = report_file(&mut unit, &base, 22, None);
        assert!(matches!(import(&unsigned, office_side(&lax)), Err(Refused::Seal { why: Distrust::Unsigned, .. })));
    }

    #[test]
    fn after_a_key_reset_the_units_next_signed_report_pins_its_new_key() {
        let (k_office, k_lost, k_new) = (Key::fixed(1), Key::fixed(3), Key::fixed(5));
        let office = office(&k_office);
        let me = dongmen(&office);
        let (mut unit, base) = unit_after_slice(&office, &k_office);
        let first = report_file(&mut unit, &base, 20, Some(&k_lost));
        let mut table = finish(office_side(&office), &import(&first, office_side(&office)).unwrap(), &[], stamp(None)).unwrap().plan;
        let rev = table.unit(me).unwrap().meta.rev;
        table.reset_unit_key(me, stamp(None)).unwrap();
        assert_eq!(table.unit(me).unwrap().key, None);
        assert!(table.unit(me).unwrap().meta.rev > rev, "the reset is a change (in the trail)");
        let next = report_file(&mut unit, &base, 21, Some(&k_new));
        let p = import(&next, office_side(&table)).unwrap();
        assert_eq!(p.trust, Trust::First(k_new.public.clone()));
        assert_eq!(finish(office_side(&table), &p, &[], stamp(None)).unwrap().plan.unit(me).unwrap().key, Some(k_new.public));
    }

    #[test]
    fn a_unit_posing_as_the_office_is_refused() {
        let (k_office, k_unit) = (Key::fixed(1), Key::fixed(3));
        let office = office(&k_office);
        let me = dongmen(&office);
        let (unit, _) = unit_after_slice(&office, &k_office);
        // The unit changes a deadline and exports the whole plan claiming
        // the office (exported_by: none), signed by its own key, naming its
        // key as the office's.
        let mut posed = unit.clone();
        posed.office_key = Some(k_unit.public.clone());
        let text = file(Kind::Plan, Body { plan: posed.clone(), base: None }, None, None, Some(&k_unit));
        let err = import(&text, office_side(&office)).unwrap_err();
        assert!(matches!(&err, Refused::Seal { why: Distrust::OtherKey { .. }, from } if from.en == "the supervision office"), "{err:?}");
        // Another unit's browser, which pinned the office's key, refuses it too.
        let text = file(Kind::Slice, Body { plan: slice(&posed, me), base: None }, None, Some(me), Some(&k_unit));
        assert!(import(&text, Side { plan: &unit, me: Some(me), base: None }).is_err());
    }

    #[test]
    fn without_a_pin_and_with_signing_not_required_an_unsigned_file_is_previewed_as_unsigned() {
        let office = luohu_2022();
        let me = dongmen(&office);
        let (mut unit, base) = {
            let text = file(Kind::Slice, Body { plan: slice(&office, me), base: None }, None, Some(me), None);
            let fresh = luohu_2022();
            let side = Side { plan: &fresh, me: None, base: None };
            let p = import(&text, side).unwrap();
            assert_eq!(p.trust, Trust::Unsigned);
            let o = finish(side, &p, &[], stamp(None)).unwrap();
            (o.plan, o.base.unwrap())
        };
        let text = report_file(&mut unit, &base, 20, None);
        assert_eq!(import(&text, office_side(&office)).unwrap().trust, Trust::Unsigned);
    }

    #[test]
    fn a_units_copy_from_before_signing_pins_the_office_key_at_its_first_signed_slice() {
        let k = Key::fixed(1);
        let mut office = office(&k);
        office.settings.require_signed = false;
        let me = dongmen(&office);
        // The first slice came unsigned, from before keys.
        let mut old = office.clone();
        old.office_key = None;
        let text = file(Kind::Slice, Body { plan: slice(&old, me), base: None }, None, Some(me), None);
        let fresh = luohu_2022();
        let side = Side { plan: &fresh, me: None, base: None };
        let o = finish(side, &import(&text, side).unwrap(), &[], stamp(None)).unwrap();
        assert_eq!(o.plan.office_key, None);
        // The next one is signed: its key is pinned in the unit's copy.
        let text = file(Kind::Slice, Body { plan: slice(&office, me), base: None }, None, Some(me), Some(&k));
        let side = Side { plan: &o.plan, me: Some(me), base: o.base.as_ref() };
        let p = import(&text, side).unwrap();
        assert_eq!((p.mode, &p.trust), (Mode::Merge, &Trust::First(k.public.clone())));
        assert_eq!(finish(side, &p, &[], stamp(Some(me))).unwrap().plan.office_key, Some(k.public));
    }
}

#[test]
fn a_key_reset_is_in_the_change_trail_with_the_old_fingerprint() {
    let mut p = luohu_2022();
    let u = p.units[0].id;
    let k = Key::fixed(3).public;
    p.pin_unit_key(u, Some(k.clone()), crate::domain::Stamp { by: None, at: at() });
    let before = p.clone();
    p.reset_unit_key(u, crate::domain::Stamp { by: None, at: at() }).unwrap();
    let diffs = crate::exchange::trail::diff(&before, &p);
    let d = diffs.iter().find(|d| d.field == "key").expect("the reset is a change of the unit's key");
    assert_eq!((d.old.as_str(), &d.new), (Some(k.hex().as_str()), &serde_json::Value::Null));
    let labels = crate::exchange::labels::Labels::new(&before, &p);
    let shown = labels.value(crate::exchange::merge::RecordKind::Unit, "key", &d.old, crate::domain::Lang::Zh);
    assert_eq!(shown, format!("指纹 {}", k.fingerprint()));
}
