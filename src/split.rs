//! Functions that load on demand from a wasm chunk of their own, for the
//! views (`ui::lazy`) and for the engine's parts a first scorecard never runs
//! (`embed::feed`). See `ui::lazy` for why the split points of
//! `wasm_split_helpers` are used directly (fallible, named chunks), and
//! `tools/build-wasm.sh` for the build that splits the module: only that build
//! turns the `split` feature on. Every other build (the wasm tests, clippy)
//! compiles the same functions as plain `async fn`s that resolve at once.

/// Declares a function that loads on demand: `fn name(args) -> T` becomes
/// `async fn name(args) -> Result<T, SplitLoaderError>` living in the chunk
/// `split_<chunk>.wasm`, and `async fn preload()` fetches that chunk.
macro_rules! on_demand {
    ($(#[$meta:meta])* $chunk:ident, $preload:ident,
     fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($chunk, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        pub(super) fn $name($($arg: $ty),*) -> Result<$ret, ::leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        pub(super) async fn $name($($arg: $ty),*) -> Result<$ret, ::leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        // Not every part is preloaded (the portfolio is the first view where it shows).
        #[cfg(not(feature = "split"))]
        #[allow(dead_code)]
        pub(super) async fn $preload() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
}

pub(crate) use on_demand;
