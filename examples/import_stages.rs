//! How long each stage of importing the large plan takes, natively
//! (`cargo run --release --example import_stages -- target/bench/large.plan.json`).
//! The browser runs the same code as wasm; this finds where the time goes.

use gongjian::domain::example::luohu_2022;
use gongjian::domain::Stamp;
use gongjian::exchange::file::parse;
use gongjian::exchange::import::{finish, prepare, Side};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "target/bench/large.plan.json".into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("import_stages: {path}: {e} (write it with `cargo run --release --example large_plan`)");
        std::process::exit(2)
    });
    let t = Instant::now();
    let _: serde::de::IgnoredAny = serde_json::from_str(&text).unwrap_or(serde::de::IgnoredAny);
    println!("scan the JSON (no values kept): {:?}", t.elapsed());
    let t = Instant::now();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    println!("parse into JSON values:         {:?}", t.elapsed());
    drop(v);
    let t = Instant::now();
    let sum = gongjian::exchange::file::sha256_hex(&text);
    println!("sha256 of the file, compacted:  {:?} ({})", t.elapsed(), &sum[..8]);
    let t = Instant::now();
    let body: gongjian::exchange::file::Body =
        serde_json::from_str(&text[text.find("\"body\": ").unwrap_or(0) + 8..text.rfind('}').unwrap_or(0)])
            .unwrap_or_else(|e| panic!("{e}"));
    println!("typed parse of the body alone:  {:?} ({} reports)", t.elapsed(), body.plan.reports.len());
    let t = Instant::now();
    let json = serde_json::to_string(&body.plan).unwrap_or_default();
    println!("serialize the plan (compact):   {:?} ({} bytes)", t.elapsed(), json.len());
    let t = Instant::now();
    let sum2 = gongjian::exchange::file::sha256_hex(&json);
    println!("sha256 of compact JSON:         {:?} ({})", t.elapsed(), &sum2[..8]);
    let t = Instant::now();
    let packed = gongjian::storage::compact::pack(&json, 1);
    println!("pack (lz4 + 15-bit):            {:?} ({} chars)", t.elapsed(), packed.chars().count());
    let t = Instant::now();
    let _ = gongjian::storage::compact::unpack(&packed);
    println!("unpack:                         {:?}", t.elapsed());
    let t = Instant::now();
    let bytes = std::fs::read(&path).unwrap_or_default();
    println!("read the file's bytes:          {:?}", t.elapsed());
    let t = Instant::now();
    let text2 = gongjian::exchange::file::text_of(bytes).unwrap_or_else(|e| panic!("{e}"));
    println!("check they are UTF-8:           {:?}", t.elapsed());
    let t = Instant::now();
    let head = gongjian::exchange::file::head(&text2).unwrap_or_else(|e| panic!("{e}"));
    println!("the header (body kept raw):     {:?}", t.elapsed());
    let t = Instant::now();
    let compact = gongjian::exchange::checksum::compact(head.body_text());
    println!("the body, compacted:            {:?} ({} bytes)", t.elapsed(), compact.len());
    let t = Instant::now();
    let sum = gongjian::exchange::checksum::hex(&gongjian::exchange::checksum::native(&compact));
    println!("its digest (sha2):              {:?}", t.elapsed());
    let t = Instant::now();
    let parsed = head.into_parsed(&sum).unwrap_or_else(|e| panic!("{e}"));
    println!("the body's records:             {:?}", t.elapsed());
    drop(parsed);
    let t = Instant::now();
    let parsed = parse(&text).unwrap_or_else(|e| panic!("{e}"));
    println!("file::parse (checks, typed):    {:?}", t.elapsed());
    let plan = parsed.body.plan;
    let example = luohu_2022();
    let stamp = Stamp { by: None, at: chrono::Utc::now() };
    let t = Instant::now();
    let p = prepare("large.plan.json", &text, Side { plan: &example, me: None, base: None }).unwrap_or_else(|e| panic!("{e}"));
    println!("prepare, replacing the example: {:?}", t.elapsed());
    let t = Instant::now();
    let listed = gongjian::exchange::merge::listing(&plan);
    println!("  of which the listing:         {:?} ({} records)", t.elapsed(), listed.added.len());
    let t = Instant::now();
    let labels = gongjian::exchange::labels::Labels::new(&plan, &plan);
    println!("    (the page indexing labels:  {:?})", t.elapsed());
    let t = Instant::now();
    let keys = listed.added.iter().map(|i| i.key).collect::<Vec<_>>();
    let n = keys.iter().map(|k| labels.label(*k).en.len()).sum::<usize>();
    println!("    (labelling all, not done:   {:?}, {n} bytes)", t.elapsed());
    let t = Instant::now();
    let problems = plan.validate();
    println!("  of which validating:          {:?} ({} problems)", t.elapsed(), problems.len());
    let t = Instant::now();
    let out = finish(Side { plan: &example, me: None, base: None }, &p, &[], stamp).unwrap_or_else(|e| panic!("{e}"));
    println!("finish (replace):               {:?}", t.elapsed());
    let t = Instant::now();
    let p = prepare("large.plan.json", &text, Side { plan: &plan, me: None, base: None }).unwrap_or_else(|e| panic!("{e}"));
    println!("prepare, merging into itself:   {:?} ({} present)", t.elapsed(), p.preview.present.len());
    let t = Instant::now();
    let pv = gongjian::exchange::merge::preview(&plan.head_only(), &plan, None, None);
    println!("merge::preview against the head:{:?} ({} added)", t.elapsed(), pv.added.len());
    let t = Instant::now();
    let c = plan.clone();
    println!("clone the plan:                 {:?}", t.elapsed());
    drop(c);
    let t = Instant::now();
    let v = out.plan.validate();
    println!("validate the plan:              {:?} ({} problems)", t.elapsed(), v.len());
}
