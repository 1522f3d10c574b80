//! The deck as an editable PowerPoint file (Office Open XML, .pptx): one slide
//! per deck slide, titles and text as real text, tables as real tables, charts
//! as PNG pictures. Plain Rust over a [`Deck`] outline, so the file can be
//! checked natively; the widget fills the outline from the same words and
//! engine figures as its slides, and adds the charts' PNGs.

mod parts;
pub mod zip;

/// What the file shows, in the viewer's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deck {
    pub title: String,
    /// BCP 47 tag of the text, e.g. `de-DE`: PowerPoint's spelling and fonts follow it.
    pub lang: String,
    pub slides: Vec<Slide>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Slide {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// One thing on a slide, stacked top to bottom under the title.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Paragraphs of body text.
    Text(Vec<String>),
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A chart drawn as PNG; `alt` is its accessible description.
    Picture {
        png: Vec<u8>,
        width: u32,
        height: u32,
        alt: String,
    },
}

/// The .pptx file's bytes. The same outline always gives the same bytes.
pub fn write(deck: &Deck) -> Vec<u8> {
    let mut zip = zip::Zip::default();
    let n = deck.slides.len();
    zip.add("[Content_Types].xml", parts::content_types(n).as_bytes());
    zip.add("_rels/.rels", parts::ROOT_RELS.as_bytes());
    zip.add("docProps/core.xml", parts::core(deck).as_bytes());
    zip.add("docProps/app.xml", parts::app(n).as_bytes());
    zip.add("ppt/presentation.xml", parts::presentation(n).as_bytes());
    zip.add(
        "ppt/_rels/presentation.xml.rels",
        parts::presentation_rels(n).as_bytes(),
    );
    zip.add(
        "ppt/slideMasters/slideMaster1.xml",
        parts::MASTER.as_bytes(),
    );
    zip.add(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        parts::MASTER_RELS.as_bytes(),
    );
    zip.add(
        "ppt/slideLayouts/slideLayout1.xml",
        parts::LAYOUT.as_bytes(),
    );
    zip.add(
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
        parts::LAYOUT_RELS.as_bytes(),
    );
    zip.add("ppt/theme/theme1.xml", parts::THEME.as_bytes());
    let mut image = 0;
    for (i, slide) in deck.slides.iter().enumerate() {
        let first_image = image + 1;
        let (xml, pictures) = parts::slide(slide, &deck.lang);
        for png in pictures {
            image += 1;
            zip.add(&format!("ppt/media/image{image}.png"), png);
        }
        zip.add(&format!("ppt/slides/slide{}.xml", i + 1), xml.as_bytes());
        zip.add(
            &format!("ppt/slides/_rels/slide{}.xml.rels", i + 1),
            parts::slide_rels(first_image, image).as_bytes(),
        );
    }
    zip.finish()
}

/// Text for XML content and attribute values: the five predefined entities,
/// and no control characters (XML 1.0 forbids them; a feed may carry them).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
