//! kcost's browser calculator: a Yew page over the same core as the `kcost` CLI. The page parses
//! inputs, calls the core and renders; it computes no price itself.
#![forbid(unsafe_code)]

mod components;
pub mod face;
pub mod metrics;
pub mod more;
pub mod query;
pub mod state;

pub use components::app::App;
pub use components::exports::export;

/// Mounts the page on the document's body, in place of the loading notice.
pub fn start() {
    if let Some(loading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        loading.remove();
    }
    yew::Renderer::<App>::new().render();
}
