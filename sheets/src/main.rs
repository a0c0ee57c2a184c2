//! The spreadsheet reader's web worker entry: trunk builds this binary for
//! wasm32 (index.html, `data-type="worker"`); the protocol is in `worker`.

#[cfg(target_arch = "wasm32")]
fn main() {
    gongjian_sheets::worker::install();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gongjian-sheets runs as a web worker in the browser: trunk builds it with the app.");
}
