//! A modal dialog (the native `<dialog>`: focus stays inside, Esc closes).

use leptos::prelude::*;

#[component]
pub fn Dialog(
    /// The dialog's heading, which also names it for screen readers.
    title: Signal<String>,
    /// Called when the dialog closes (Esc, or the form's cancel).
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = node.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    view! {
        <dialog node_ref=node class="dialog" aria-labelledby="dialog-title" on:close=move |_| on_close.run(())>
            <h2 id="dialog-title">{title}</h2>
            {children()}
        </dialog>
    }
}
