//! A fairness band as the views show it: a shape and a word beside the
//! colour, so it never reads by colour alone. The portfolio's table, its
//! quadrant and the quadrant's plot all show it, from this one place.

use super::format::UNDEFINED;
use crate::i18n::Messages;
use crate::score::Band;
use leptos::prelude::*;

/// The band's shape.
pub(super) fn band_icon(b: Band) -> &'static str {
    match b {
        Band::Green => "●",
        Band::Amber => "▲",
        Band::Red => "◆",
    }
}

pub(super) fn band_word(m: &Messages, b: Band) -> &'static str {
    match b {
        Band::Green => m.green,
        Band::Amber => m.amber,
        Band::Red => m.red,
    }
}

/// "● green" as a badge; "—" when the band is undefined.
pub(super) fn band_badge(m: &'static Messages, band: Option<Band>) -> impl IntoView {
    let (class, icon, word) = match band {
        Some(b) => (
            format!("ps-band ps-band-{}", b.as_str()),
            format!("{} ", band_icon(b)),
            band_word(m, b),
        ),
        None => ("ps-band-none".to_string(), String::new(), UNDEFINED),
    };
    view! { <span class=class><span aria-hidden="true">{icon}</span>{word}</span> }
}
