//! The .pptx writer, read back by independent tools: the `zip` crate opens the
//! package, roxmltree parses every XML part, and (where Debian's LibreOffice is
//! installed, as `./x test` does) LibreOffice converts it to a PDF with one
//! page per slide.

use partner_scorecard::pptx::{self, Block, Deck, Slide};
use std::io::{Cursor, Read};

/// A 2×1 PNG (red, blue), written by hand: signature, IHDR, IDAT, IEND.
fn tiny_png() -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut c = kind.to_vec();
        c.extend_from_slice(data);
        out.extend_from_slice(&c);
        out.extend_from_slice(&pptx::zip::crc32(&c).to_be_bytes());
    }
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut png, b"IHDR", &[0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
    // zlib, one stored block: filter 0, then RGB RGB.
    let raw = [0u8, 255, 0, 0, 0, 0, 255];
    let mut z = vec![0x78, 0x01, 1, raw.len() as u8, 0, !(raw.len() as u8), 0xFF];
    z.extend_from_slice(&raw);
    let adler = {
        let (mut a, mut b) = (1u32, 0u32);
        for &x in &raw {
            a = (a + u32::from(x)) % 65521;
            b = (b + a) % 65521;
        }
        (b << 16) | a
    };
    z.extend_from_slice(&adler.to_be_bytes());
    chunk(&mut png, b"IDAT", &z);
    chunk(&mut png, b"IEND", &[]);
    png
}

fn deck() -> Deck {
    Deck {
        title: "Cardinal <Analytics> & Co · 2026-Q3".into(),
        lang: "de-DE".into(),
        slides: vec![
            Slide {
                title: "Zusammenfassung".into(),
                blocks: vec![Block::Text(vec![
                    "Fairness 0,70× — gelb".into(),
                    "Zum Ausgleich gingen 117.044 $ an den Partner".into(),
                ])],
            },
            Slide {
                title: "Ziele".into(),
                blocks: vec![Block::Table {
                    head: vec!["Kennzahl".into(), "Ist".into(), "Ziel".into()],
                    rows: vec![
                        vec!["Resale margin".into(), "90.000 $".into(), "80.000 $".into()],
                        vec!["\"Quoted\" <tag>".into(), "1".into()],
                    ],
                }],
            },
            Slide {
                title: "Ertrag je Quartal".into(),
                blocks: vec![
                    Block::Picture {
                        png: tiny_png(),
                        width: 960,
                        height: 480,
                        alt: "Ertrag von 2025-Q4 bis 2026-Q3".into(),
                    },
                    Block::Text(vec!["Hersteller ● Partner ■".into()]),
                ],
            },
        ],
    }
}

fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a ZIP archive");
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).expect("an entry");
            let mut data = Vec::new();
            f.read_to_end(&mut data)
                .expect("readable (the CRC is checked)");
            (f.name().to_string(), data)
        })
        .collect()
}

#[test]
fn every_part_is_well_formed_xml_and_the_slide_count_is_right() {
    let bytes = pptx::write(&deck());
    let parts = parts(&bytes);
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "[Content_Types].xml");
    for required in [
        "_rels/.rels",
        "ppt/presentation.xml",
        "ppt/slideMasters/slideMaster1.xml",
        "ppt/theme/theme1.xml",
    ] {
        assert!(names.contains(&required), "{required} in {names:?}");
    }
    let slides: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.starts_with("ppt/slides/slide"))
        .collect();
    assert_eq!(
        slides,
        [
            "ppt/slides/slide1.xml",
            "ppt/slides/slide2.xml",
            "ppt/slides/slide3.xml"
        ]
    );
    for (name, data) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = std::str::from_utf8(data).expect("UTF-8 XML");
            roxmltree::Document::parse(text)
                .unwrap_or_else(|e| panic!("{name} is not well-formed: {e}"));
        }
    }
    let presentation = &parts
        .iter()
        .find(|(n, _)| n == "ppt/presentation.xml")
        .expect("presentation")
        .1;
    let doc =
        roxmltree::Document::parse(std::str::from_utf8(presentation).expect("UTF-8")).expect("XML");
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("sldId"))
            .count(),
        3
    );
    assert!(names.contains(&"ppt/media/image1.png"));
    // The same outline gives the same bytes.
    assert_eq!(pptx::write(&deck()), bytes);
}

#[test]
fn titles_text_and_tables_are_real_text_with_markup_escaped() {
    let parts = parts(&pptx::write(&deck()));
    let text_of = |name: &str| -> Vec<String> {
        let data = &parts.iter().find(|(n, _)| n == name).expect(name).1;
        let xml = std::str::from_utf8(data).expect("UTF-8");
        let doc = roxmltree::Document::parse(xml).expect("XML");
        doc.descendants()
            .filter(|n| n.has_tag_name("t"))
            .map(|n| n.text().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(
        text_of("ppt/slides/slide1.xml"),
        [
            "Zusammenfassung",
            "Fairness 0,70× — gelb",
            "Zum Ausgleich gingen 117.044 $ an den Partner"
        ]
    );
    let table = text_of("ppt/slides/slide2.xml");
    assert_eq!(table[..4], ["Ziele", "Kennzahl", "Ist", "Ziel"]);
    assert!(table.contains(&"\"Quoted\" <tag>".to_string()), "{table:?}");
    let slide2 = &parts
        .iter()
        .find(|(n, _)| n == "ppt/slides/slide2.xml")
        .expect("slide 2")
        .1;
    let doc = roxmltree::Document::parse(std::str::from_utf8(slide2).expect("UTF-8")).expect("XML");
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("tr")).count(),
        3,
        "head and two rows"
    );
    // A short row is padded to the table's width.
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("tc")).count(),
        9
    );
    let slide3 = &parts
        .iter()
        .find(|(n, _)| n == "ppt/slides/slide3.xml")
        .expect("slide 3")
        .1;
    let pic = std::str::from_utf8(slide3).expect("UTF-8");
    assert!(pic.contains(r#"descr="Ertrag von 2025-Q4 bis 2026-Q3""#));
    assert!(pic.contains(r#"lang="de-DE""#));
}

#[test]
fn libreoffice_converts_it_to_one_pdf_page_per_slide() {
    let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    let Some(soffice) = soffice else {
        // ./x test installs libreoffice-impress; a bare `cargo test` without it says so.
        assert!(
            std::env::var_os("PS_REQUIRE_LIBREOFFICE").is_none(),
            "PS_REQUIRE_LIBREOFFICE is set but LibreOffice is not installed"
        );
        eprintln!("LibreOffice is not installed: the conversion check needs ./x test");
        return;
    };
    let dir = std::env::temp_dir().join(format!("ps-pptx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("deck.pptx");
    std::fs::write(&file, pptx::write(&deck())).expect("written");
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let out = std::process::Command::new(soffice)
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("LibreOffice runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let info = std::process::Command::new("pdfinfo")
        .arg(dir.join("deck.pdf"))
        .output()
        .expect("pdfinfo (poppler-utils) runs");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(str::trim);
    assert_eq!(pages, Some("3"), "one PDF page per slide:\n{info}");
}
