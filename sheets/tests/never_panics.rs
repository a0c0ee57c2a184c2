//! Whatever bytes it is given, the reader answers and never panics: random
//! bytes (bare, or behind the first bytes of a zip, a compound file or a
//! byte-order mark), every fixture cut short at many lengths, and every
//! binary fixture with bytes changed. In the worker a panic would end it
//! without an answer.

use gongjian_sheets::{open, reply};
use proptest::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/spreadsheets");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("the corpus")
        .map(|e| e.expect("an entry").path())
        .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

/// The panic's message, if reading `bytes` panics.
fn panics(name: &str, bytes: &[u8]) -> Option<String> {
    catch_unwind(AssertUnwindSafe(|| {
        let _ = open(name, bytes);
        let _ = reply(name, bytes);
    }))
    .err()
    .map(|e| e.downcast_ref::<String>().cloned().or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default())
}

/// A small deterministic generator (xorshift), so a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn every_fixture_cut_short_is_answered() {
    std::panic::set_hook(Box::new(|_| {}));
    let mut failures = Vec::new();
    for (name, bytes) in fixtures() {
        let step = bytes.len() / 150 + 1;
        for len in (0..bytes.len()).step_by(step).chain([bytes.len().saturating_sub(1)]) {
            if let Some(why) = panics(&name, &bytes[..len]) {
                failures.push(format!("{name} cut at {len}: {why}"));
            }
        }
    }
    let _ = std::panic::take_hook();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_binary_fixture_with_bytes_changed_is_answered() {
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // More with FUZZ_ROUNDS=<n> (a longer search before a release).
    let rounds: usize = std::env::var("FUZZ_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(100);
    let mut failures = Vec::new();
    let binary = fixtures().into_iter().filter(|(n, _)| n.ends_with(".xlsx") || n.ends_with(".xls"));
    // An .xlsx stored without compression too, so that a changed byte
    // reaches the XML parser instead of the inflater.
    let stored: Vec<(String, Vec<u8>)> =
        fixtures().into_iter().filter(|(n, _)| n.ends_with(".xlsx")).map(|(n, b)| (format!("stored {n}"), stored(&b))).collect();
    for (name, bytes) in binary.chain(stored) {
        for round in 0..rounds {
            let mut b = bytes.clone();
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(b.len());
                b[at] = rng.next() as u8;
            }
            if let Some(why) = panics(&name, &b) {
                failures.push(format!("{name} round {round}: {why}"));
            }
        }
    }
    let _ = std::panic::take_hook();
    assert!(failures.is_empty(), "{} of them: {failures:#?}", failures.len());
}

/// The zip with every entry stored, not deflated.
fn stored(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn start() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(vec![]),
        Just(b"PK\x03\x04".to_vec()),
        Just(vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just(b"\xFF\xFE".to_vec()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Random bytes, under any name, behind any format's first bytes.
    #[test]
    fn random_bytes_are_answered(
        head in start(),
        tail in proptest::collection::vec(any::<u8>(), 0..4096),
        name in prop_oneof![Just("表.xlsx"), Just("表.xls"), Just("表.csv"), Just("表.txt"), Just("表")],
    ) {
        let bytes: Vec<u8> = head.into_iter().chain(tail).collect();
        let _ = open(name, &bytes);
    }
}
