//! The language a widget speaks. English lives in the main module, so every
//! widget can fall back to it at once; German and French are chunks of their
//! own (`split_de.wasm`, `split_fr.wasm`, see `lazy`), so an English page never
//! downloads them. A widget asks for its language's chunk as soon as it knows
//! its locale, beside the data fetch, and shows its skeleton until both are in,
//! so a German page never flashes English.

use super::state::{Attrs, State};
use crate::i18n::{Lang, Words, EN_WORDS};
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    // The languages fetched already: another widget on the page, or a switch
    // back, has them without waiting a frame.
    static LOADED: RefCell<Vec<&'static Words>> = const { RefCell::new(Vec::new()) };
}

fn loaded(lang: Lang) -> Option<&'static Words> {
    if lang == Lang::En {
        return Some(&EN_WORDS);
    }
    LOADED.with_borrow(|l| l.iter().copied().find(|w| w.lang == lang))
}

/// The words a widget with these attributes can show at once, if they are in.
pub fn initial(attrs: &Attrs) -> Option<&'static Words> {
    loaded(wanted(attrs))
}

/// The language the element's locale asks for (its attribute, else the page's).
fn wanted(attrs: &Attrs) -> Lang {
    match &attrs.locale {
        Some(locale) => Lang::from_locale(locale),
        None => Lang::from_locale(&super::format::page_locale()),
    }
}

/// The words on screen: the locale's language once its chunk is in. Until
/// then (a change of locale on its way) the language shown before, and
/// English for good when the chunk cannot be fetched.
pub fn words(state: State) -> &'static Words {
    state.words.get().unwrap_or(&EN_WORDS)
}

/// Whether the widget has words to show; `App` shows its skeleton until then.
pub fn ready(state: State) -> bool {
    state.words.with(Option::is_some)
}

/// Keeps `state.words` on the language of the locale, fetching its chunk when
/// it is not in yet. Runs when the widget mounts, and again when the `locale`
/// attribute changes.
pub fn follow_locale(state: State) {
    Effect::new(move |_| {
        let lang = state.attrs.with(wanted);
        if state.words.with_untracked(|w| w.map(|w| w.lang)) == Some(lang) {
            return;
        }
        if let Some(words) = loaded(lang) {
            state.words.set(Some(words));
            return;
        }
        leptos::task::spawn_local(async move {
            let fetched = super::lazy::words(lang).await;
            if let Ok(words) = fetched {
                LOADED.with_borrow_mut(|l| l.push(words));
            }
            // A later locale asked for meanwhile wins; the loader does not
            // cache a failure, so asking again (another locale change) retries.
            if state.attrs.try_with_untracked(wanted) == Some(lang) {
                state.words.try_set(Some(fetched.unwrap_or(&EN_WORDS)));
            }
        });
    });
}
