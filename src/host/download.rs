//! Files out of the widget: text and blobs saved through a temporary
//! `<a download>`, and a chart's SVG turned into a PNG through a canvas.
//!
//! The PNG needs the SVG as an image, loaded from a `blob:` URL. A host page
//! whose CSP lacks `img-src blob:` blocks that load; the SVG download still
//! works there, so the error says so instead of failing silently.

use crate::export::SvgFile;
use crate::i18n::{fill, Messages};
use js_sys::{Array, Promise};
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, Url,
};

/// Device pixels per SVG pixel in a PNG: sharp on high-density screens and in slides.
const PNG_SCALE: u32 = 2;

/// A browser may read the blob after `click()` returns; the URL lives this long.
const KEEP_URL: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, PartialEq)]
pub enum DownloadError {
    /// The SVG did not load as an image: the page's CSP does not allow `blob:` images.
    ImageBlocked,
    /// Any other failure, with what the browser said.
    Failed(String),
}

impl DownloadError {
    /// What the widget shows.
    pub fn message(&self, m: &Messages) -> String {
        match self {
            DownloadError::ImageBlocked => m.export_png_blocked.to_string(),
            DownloadError::Failed(detail) => fill(m.export_failed, &[("detail", detail)]),
        }
    }
}

fn failed(step: &str, e: &JsValue) -> DownloadError {
    let said = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"));
    DownloadError::Failed(format!("{step}: {said}"))
}

fn blob_of(text: &str, mime: &str) -> Result<Blob, DownloadError> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(text));
    Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| failed("Blob", &e))
}

/// Saves `text` as a file named `name` (e.g. `text/csv;charset=utf-8`).
pub fn save_text(text: &str, mime: &str, name: &str) -> Result<(), DownloadError> {
    save_blob(&blob_of(text, mime)?, name)
}

/// Saves a blob as a file named `name`; the object URL is revoked afterwards.
pub fn save_blob(blob: &Blob, name: &str) -> Result<(), DownloadError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| DownloadError::Failed("no document".into()))?;
    let link = document
        .create_element("a")
        .map_err(|e| failed("link", &e))?
        .dyn_into::<HtmlAnchorElement>()
        .map_err(|e| failed("link", &e))?;
    let url = Url::create_object_url_with_blob(blob).map_err(|e| failed("object URL", &e))?;
    link.set_href(&url);
    link.set_download(name);
    // A detached link downloads without touching the host page's DOM.
    link.click();
    leptos::prelude::set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        KEEP_URL,
    );
    Ok(())
}

/// Draws the SVG on a white canvas at [`PNG_SCALE`] and saves it as `name`.
pub async fn save_png(svg: &SvgFile, name: &str) -> Result<(), DownloadError> {
    let png = png_of(svg).await?;
    save_blob(&png, name)
}

async fn png_of(svg: &SvgFile) -> Result<Blob, DownloadError> {
    let source = blob_of(&svg.text, "image/svg+xml;charset=utf-8")?;
    let url = Url::create_object_url_with_blob(&source).map_err(|e| failed("object URL", &e))?;
    let image = HtmlImageElement::new().map_err(|e| failed("image", &e))?;
    image.set_src(&url);
    // decode() rejects when the load fails, which is what a CSP block looks like from here.
    let loaded = JsFuture::from(image.decode()).await;
    let _ = Url::revoke_object_url(&url);
    loaded.map_err(|_| DownloadError::ImageBlocked)?;

    let (w, h) = (svg.width * PNG_SCALE, svg.height * PNG_SCALE);
    let canvas = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| DownloadError::Failed("no document".into()))?
        .create_element("canvas")
        .map_err(|e| failed("canvas", &e))?
        .dyn_into::<HtmlCanvasElement>()
        .map_err(|e| failed("canvas", &e))?;
    canvas.set_width(w);
    canvas.set_height(h);
    let context = canvas
        .get_context("2d")
        .map_err(|e| failed("canvas", &e))?
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        .ok_or_else(|| DownloadError::Failed("canvas: no 2d context".into()))?;
    // Charts are drawn for a white card; PNG would otherwise be transparent.
    context.set_fill_style_str("#ffffff");
    context.fill_rect(0.0, 0.0, f64::from(w), f64::from(h));
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(w),
            f64::from(h),
        )
        .map_err(|e| failed("canvas", &e))?;

    let encoded = Promise::new(&mut |resolve, reject| {
        if let Err(e) = canvas.to_blob_with_type(&resolve, "image/png") {
            let _ = reject.call1(&JsValue::NULL, &e);
        }
    });
    let png = JsFuture::from(encoded)
        .await
        .map_err(|e| failed("PNG", &e))?;
    png.dyn_into::<Blob>()
        .map_err(|_| DownloadError::Failed("PNG: the canvas gave no image".into()))
}

/// A chart's SVG as PNG bytes (as [`save_png`] draws it), e.g. for a slide of
/// the PowerPoint file.
pub async fn png_bytes(svg: &SvgFile) -> Result<Vec<u8>, DownloadError> {
    let png = png_of(svg).await?;
    let buffer = JsFuture::from(png.array_buffer())
        .await
        .map_err(|e| failed("PNG", &e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Saves bytes as a file named `name` of type `mime`.
pub fn save_bytes(bytes: &[u8], mime: &str, name: &str) -> Result<(), DownloadError> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let view = js_sys::Uint8Array::from(bytes);
    let parts = Array::of1(&view);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| failed("Blob", &e))?;
    save_blob(&blob, name)
}
