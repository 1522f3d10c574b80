//! The quadrant's canvas of markers: painted at one canvas pixel per device
//! pixel for the size it is shown at, once when the view is built and again
//! when zoom or a screen of another density changes what a device pixel is.

use super::quadrant_plot::PlotData;
use crate::chart::plane::{triangle, Marker, Shape, FAINT};
use crate::score::Band;
use leptos::html::Canvas;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, MediaQueryList};

/// Paints the markers of `data` on `canvas` once it is mounted, and keeps them
/// sharp until the view is disposed.
pub(super) fn keep_painted(canvas: NodeRef<Canvas>, size: (u32, u32), data: Arc<PlotData>) {
    {
        let data = Arc::clone(&data);
        Effect::new(move |_| {
            if let Some(c) = canvas.get() {
                // In a task queued from the next frame's callback, so it runs
                // after that frame has laid the new view out: measuring the
                // canvas in the callback itself forced that layout (17 ms at
                // 5,000 partners) into the same task as the painting.
                let data = Arc::clone(&data);
                request_animation_frame(move || {
                    set_timeout(move || paint(&c, size, &data), std::time::Duration::ZERO)
                });
            }
        });
    }
    // Zoom fires a resize; a move to a screen of another density changes the
    // media query of the current density. Either way: repaint, once a frame at
    // most, if the backing store no longer matches the device pixels.
    let queued = StoredValue::new(false);
    let watched: StoredValue<Option<MediaQueryList>, LocalStorage> = StoredValue::new_local(None);
    let listener: StoredValue<Option<Closure<dyn Fn()>>, LocalStorage> =
        StoredValue::new_local(None);
    let repaint = move || {
        if queued.try_get_value() != Some(false) {
            return;
        }
        queued.set_value(true);
        let data = Arc::clone(&data);
        request_animation_frame(move || {
            queued.try_update_value(|q| *q = false);
            if let Some(Some(c)) = canvas.try_get_untracked() {
                if backing(&c, size).1 != (c.width(), c.height()) {
                    paint(&c, size, &data);
                }
            }
            watch_density(watched, listener);
        });
    };
    listener.set_value(Some(Closure::new(repaint.clone())));
    watch_density(watched, listener);
    let handle = window_event_listener(leptos::ev::resize, move |_| repaint());
    on_cleanup(move || {
        handle.remove();
        if let (Some(Some(mql)), Some(Some(f))) = (
            watched.try_update_value(Option::take),
            listener.try_update_value(Option::take),
        ) {
            let _ = mql.remove_event_listener_with_callback("change", f.as_ref().unchecked_ref());
        }
    });
}

/// Moves the `change` listener to the media query of the current density
/// (a query for a fixed resolution changes only when leaving it).
fn watch_density(
    watched: StoredValue<Option<MediaQueryList>, LocalStorage>,
    listener: StoredValue<Option<Closure<dyn Fn()>>, LocalStorage>,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = format!("(resolution: {}dppx)", window.device_pixel_ratio());
    let Ok(Some(mql)) = window.match_media(&query) else {
        return;
    };
    // `try_`: this also runs from a frame callback after the view may be gone.
    listener.try_with_value(|f| {
        let Some(f) = f else {
            return;
        };
        let f = f.as_ref().unchecked_ref();
        if let Some(Some(old)) = watched.try_update_value(|w| w.replace(mql.clone())) {
            let _ = old.remove_event_listener_with_callback("change", f);
        }
        let _ = mql.add_event_listener_with_callback("change", f);
    });
}

/// Device pixels per chart pixel for the size the canvas is shown at, and the
/// backing store that gives one canvas pixel per device pixel.
fn backing(canvas: &HtmlCanvasElement, (w, h): (u32, u32)) -> (f64, (u32, u32)) {
    let dpr = web_sys::window().map_or(1.0, |win| win.device_pixel_ratio());
    let dpr = if dpr.is_finite() && dpr > 0.0 {
        dpr
    } else {
        1.0
    };
    let shown = canvas.get_bounding_client_rect().width();
    let scale = if shown > 0.0 {
        shown / f64::from(w) * dpr
    } else {
        dpr
    };
    let px = |v: u32| (f64::from(v) * scale).round().max(1.0) as u32;
    (scale, (px(w), px(h)))
}

/// Paints every marker on the canvas, sharp at the device's pixel density for
/// the size the canvas is shown at. One path per band: thousands of markers
/// are three fills or strokes.
fn paint(canvas: &HtmlCanvasElement, size: (u32, u32), data: &PlotData) {
    let (scale, (bw, bh)) = backing(canvas, size);
    canvas.set_width(bw);
    canvas.set_height(bh);
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = ctx.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0);
    // Beside the deck's partner (drawn on its own layer) the others are
    // context only, faint as in the full chart.
    if data.focus.is_some() {
        ctx.set_global_alpha(FAINT);
    }
    for band in [Band::Green, Band::Amber, Band::Red] {
        let marker = Marker::of(band, 1.0);
        ctx.begin_path();
        let here = data
            .points
            .iter()
            .zip(&data.xy)
            .enumerate()
            .filter(|&(i, (p, _))| p.band == band && Some(i) != data.focus)
            .map(|(_, pair)| pair);
        for (_, &(x, y)) in here.filter(|(_, (x, y))| x.is_finite() && y.is_finite()) {
            match marker.shape {
                Shape::Circle(r) => {
                    ctx.move_to(x + r, y);
                    let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
                }
                Shape::Triangle(size) => {
                    let [a, b, c] = triangle(x, y, size);
                    ctx.move_to(a.0, a.1);
                    ctx.line_to(b.0, b.1);
                    ctx.line_to(c.0, c.1);
                    ctx.close_path();
                }
                Shape::Cross(s, _) => {
                    ctx.move_to(x - s, y - s);
                    ctx.line_to(x + s, y + s);
                    ctx.move_to(x - s, y + s);
                    ctx.line_to(x + s, y - s);
                }
            }
        }
        let colour = marker.css();
        if let Shape::Cross(_, width) = marker.shape {
            ctx.set_stroke_style_str(&colour);
            ctx.set_line_width(width);
            ctx.stroke();
        } else {
            ctx.set_fill_style_str(&colour);
            ctx.fill();
        }
    }
}
