//! The XML parts of the .pptx package. The fixed ones (master, layout, theme)
//! are the smallest that PowerPoint and LibreOffice open; each slide places its
//! blocks on a 16:9 page in EMU (914,400 to the inch).

use super::{escape, Block, Deck, Slide};
use std::fmt::Write as _;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// 13.33 × 7.5 in: the 16:9 slide PowerPoint makes by default.
const WIDTH: i64 = 12_192_000;
const HEIGHT: i64 = 6_858_000;
const MARGIN: i64 = 457_200;
const TITLE_H: i64 = 914_400;
const GAP: i64 = 182_880;
const LINE_H: i64 = 420_000;
const ROW_H: i64 = 370_840;

pub const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    r#"</Relationships>"#
);

pub const THEME: &str = include_str!("theme.xml");

/// An empty shape tree: masters, layouts and slides all start with one.
const EMPTY_TREE: &str =
    r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>"#;

pub const MASTER: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<p:sldMaster xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">"#,
    r#"<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld>"#,
    r#"<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>"#,
    r#"<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst>"#,
    r#"</p:sldMaster>"#
);

pub const MASTER_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout" Target="../slideLayouts/slideLayout1.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="../theme/theme1.xml"/>"#,
    r#"</Relationships>"#
);

pub const LAYOUT: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<p:sldLayout xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" type="blank" preserve="1">"#,
    r#"<p:cSld name="Blank"><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld>"#,
    r#"<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#
);

pub const LAYOUT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster" Target="../slideMasters/slideMaster1.xml"/>"#,
    r#"</Relationships>"#
);

pub fn content_types(slides: usize) -> String {
    let mut s = format!(
        r#"{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/ppt/presentation.xml" ContentType="{CT}.presentation.main+xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="{CT}.slideMaster+xml"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="{CT}.slideLayout+xml"/><Override PartName="/ppt/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
    );
    for i in 1..=slides {
        let _ = write!(
            s,
            r#"<Override PartName="/ppt/slides/slide{i}.xml" ContentType="{CT}.slide+xml"/>"#
        );
    }
    s.push_str("</Types>");
    s
}

pub fn core(deck: &Deck) -> String {
    format!(
        r#"{HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>{}</dc:language><dc:creator>partner-scorecard</dc:creator></cp:coreProperties>"#,
        escape(&deck.title),
        escape(&deck.lang)
    )
}

pub fn app(slides: usize) -> String {
    format!(
        r#"{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>partner-scorecard</Application><Slides>{slides}</Slides></Properties>"#
    )
}

pub fn presentation(slides: usize) -> String {
    let mut ids = String::new();
    for i in 0..slides {
        let _ = write!(ids, r#"<p:sldId id="{}" r:id="rId{}"/>"#, 256 + i, i + 2);
    }
    format!(
        r#"{HEAD}<p:presentation {NS}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx="{WIDTH}" cy="{HEIGHT}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#
    )
}

pub fn presentation_rels(slides: usize) -> String {
    let mut s = format!(
        r#"{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/slideMaster" Target="slideMasters/slideMaster1.xml"/>"#
    );
    for i in 1..=slides {
        let _ = write!(
            s,
            r#"<Relationship Id="rId{}" Type="{REL}/slide" Target="slides/slide{i}.xml"/>"#,
            i + 1
        );
    }
    let _ = write!(
        s,
        r#"<Relationship Id="rId{}" Type="{REL}/theme" Target="theme/theme1.xml"/></Relationships>"#,
        slides + 2
    );
    s
}

/// The slide's relationships: its layout, then its pictures `first..=last`.
pub fn slide_rels(first: usize, last: usize) -> String {
    let mut s = format!(
        r#"{HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/slideLayout" Target="../slideLayouts/slideLayout1.xml"/>"#
    );
    for (k, image) in (first..=last).enumerate() {
        let _ = write!(
            s,
            r#"<Relationship Id="rId{}" Type="{REL}/image" Target="../media/image{image}.png"/>"#,
            k + 2
        );
    }
    s.push_str("</Relationships>");
    s
}

/// A slide's XML and the PNGs it refers to (as `rId2`, `rId3`, … in order).
pub fn slide<'a>(slide: &'a Slide, lang: &str) -> (String, Vec<&'a [u8]>) {
    let lang = escape(lang);
    let mut shapes = String::new();
    let mut id = 2;
    let width = WIDTH - 2 * MARGIN;
    text_box(
        &mut shapes,
        id,
        "Title",
        (MARGIN, MARGIN / 2, width, TITLE_H),
        &[&slide.title],
        &lang,
        3200,
        true,
    );
    let top = MARGIN / 2 + TITLE_H + GAP;
    let room = HEIGHT - top - MARGIN / 2;
    // Text and tables take their natural height; pictures share what is left.
    let natural = |b: &Block| match b {
        Block::Text(lines) => lines.len().max(1) as i64 * LINE_H,
        Block::Table { rows, .. } => (rows.len() as i64 + 1) * ROW_H,
        Block::Picture { .. } => 0,
    };
    let fixed: i64 = slide.blocks.iter().map(natural).sum::<i64>()
        + GAP * slide.blocks.len().saturating_sub(1) as i64;
    let pictures = slide
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Picture { .. }))
        .count() as i64;
    let per_picture = if pictures > 0 {
        ((room - fixed) / pictures).max(ROW_H)
    } else {
        0
    };
    let mut y = top;
    let mut pngs = Vec::new();
    for block in &slide.blocks {
        id += 1;
        match block {
            Block::Text(lines) => {
                let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
                let h = natural(block);
                text_box(
                    &mut shapes,
                    id,
                    "Text",
                    (MARGIN, y, width, h),
                    &lines,
                    &lang,
                    2000,
                    false,
                );
                y += h;
            }
            Block::Table { head, rows } => {
                let h = natural(block);
                table(&mut shapes, id, (MARGIN, y, width, h), head, rows, &lang);
                y += h;
            }
            Block::Picture {
                png,
                width: w,
                height: h,
                alt,
            } => {
                pngs.push(png.as_slice());
                // Keep the chart's aspect ratio inside its share of the slide.
                let (w, h) = (i64::from((*w).max(1)), i64::from((*h).max(1)));
                let mut cx = width;
                let mut cy = cx * h / w;
                if cy > per_picture {
                    cy = per_picture;
                    cx = cy * w / h;
                }
                let x = MARGIN + (width - cx) / 2;
                let _ = write!(
                    shapes,
                    r#"<p:pic><p:nvPicPr><p:cNvPr id="{id}" name="Chart {id}" descr="{}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId{}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
                    escape(alt),
                    pngs.len() + 1
                );
                y += cy;
            }
        }
        y += GAP;
    }
    let xml = format!(
        r#"{HEAD}<p:sld {NS}><p:cSld><p:spTree>{EMPTY_TREE}{shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#
    );
    (xml, pngs)
}

fn run(out: &mut String, text: &str, lang: &str, size: u32, bold: bool) {
    let b = if bold { r#" b="1""# } else { "" };
    let _ = write!(
        out,
        r#"<a:r><a:rPr lang="{lang}" sz="{size}"{b} dirty="0"/><a:t>{}</a:t></a:r>"#,
        escape(text)
    );
}

#[allow(clippy::too_many_arguments)]
fn text_box(
    out: &mut String,
    id: usize,
    name: &str,
    (x, y, cx, cy): (i64, i64, i64, i64),
    lines: &[&str],
    lang: &str,
    size: u32,
    bold: bool,
) {
    let _ = write!(
        out,
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name} {id}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr wrap="square" rtlCol="0"><a:normAutofit/></a:bodyPr><a:lstStyle/>"#
    );
    for line in lines {
        out.push_str("<a:p>");
        run(out, line, lang, size, bold);
        out.push_str("</a:p>");
    }
    out.push_str("</p:txBody></p:sp>");
}

fn table(
    out: &mut String,
    id: usize,
    (x, y, cx, cy): (i64, i64, i64, i64),
    head: &[String],
    rows: &[Vec<String>],
    lang: &str,
) {
    let cols = head
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    let col_w = cx / cols as i64;
    let _ = write!(
        out,
        r#"<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{id}" name="Table {id}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>"#
    );
    for _ in 0..cols {
        let _ = write!(out, r#"<a:gridCol w="{col_w}"/>"#);
    }
    out.push_str("</a:tblGrid>");
    let mut row = |cells: &[String], bold: bool| {
        let _ = write!(out, r#"<a:tr h="{ROW_H}">"#);
        for c in 0..cols {
            out.push_str("<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p>");
            run(
                out,
                cells.get(c).map_or("", String::as_str),
                lang,
                1400,
                bold,
            );
            // A thin rule under each cell, so the table reads as one on any theme.
            out.push_str(r#"</a:p></a:txBody><a:tcPr><a:lnB w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:lnB></a:tcPr></a:tc>"#);
        }
        out.push_str("</a:tr>");
    };
    row(head, true);
    for r in rows {
        row(r, false);
    }
    out.push_str("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
}
