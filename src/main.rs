//! Mount the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(gongjian::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gongjian is a browser app: build it with `make run`.");
}
