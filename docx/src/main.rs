//! The Word web worker's entry: trunk builds this binary for wasm32
//! (index.html, `data-type="worker"`); the protocol is in `worker`.

#[cfg(target_arch = "wasm32")]
fn main() {
    gongjian_docx::worker::install();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gongjian-docx runs as a web worker in the browser: trunk builds it with the app.");
}
