//! The CSV export carries exactly the figures `scorecard score` prints.

use partner_scorecard::contract::parse_json;
use partner_scorecard::export::{scorecard_csv, HEADER};
use partner_scorecard::sample::{generate, SampleOptions};
use partner_scorecard::score::{Figure, ScoreBook};

#[test]
fn every_figure_and_kpi_of_every_scorecard_round_trips() {
    let ds = parse_json(
        generate(&SampleOptions {
            partners: 6,
            quarters: 4,
            seed: 3,
        })
        .as_bytes(),
    )
    .unwrap();
    let book = ScoreBook::new(&ds);
    for s in &book.scorecards {
        let text = scorecard_csv(s);
        let mut r = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), HEADER);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        for f in Figure::ALL {
            let row = rows.iter().find(|r| &r[2] == f.key()).unwrap();
            assert_eq!(
                (&row[0], &row[1]),
                (s.partner.as_str(), s.period.to_string().as_str())
            );
            let got = (!row[5].is_empty()).then(|| row[5].parse::<f64>().unwrap());
            assert_eq!(got, f.get(s), "{} of {} {}", f.key(), s.partner, s.period);
        }
        let band = rows.iter().find(|r| &r[2] == "band").unwrap();
        assert_eq!(&band[5], s.band.map(|b| b.as_str()).unwrap_or(""));
        let kpis: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[2] == "kpi").collect();
        assert_eq!(kpis.len(), s.kpis.len());
        for (row, k) in kpis.iter().zip(&s.kpis) {
            assert_eq!((&row[3], &row[4]), (k.side.as_str(), k.metric.as_str()));
            assert_eq!(row[5].parse::<f64>().unwrap(), k.value);
            assert_eq!(row[6].parse::<f64>().unwrap(), k.target);
            assert_eq!(&row[8], k.status.as_str());
        }
    }
}

#[test]
fn names_with_commas_and_quotes_stay_one_cell() {
    let doc = r#"{"schema":"partner-scorecard/v1","partners":[{"id":"a,\"b\""}],"records":[
      {"partner":"a,\"b\"","period":"2026-Q1","side":"vendor","metric":"mdf","value":1}]}"#;
    let book = ScoreBook::new(&parse_json(doc.as_bytes()).unwrap());
    let text = scorecard_csv(&book.scorecards[0]);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let first = r.records().next().unwrap().unwrap();
    assert_eq!(&first[0], "a,\"b\"");
    assert_eq!(first.len(), HEADER.len());
}

mod exports_attribute {
    use partner_scorecard::export::Exports;

    fn allowed(attr: Option<&str>) -> (Exports, Vec<String>) {
        Exports::parse(attr)
    }

    #[test]
    fn absent_allows_everything() {
        assert_eq!(allowed(None), (Exports::ALL, vec![]));
        assert!(Exports::ALL.any());
    }

    #[test]
    fn empty_blank_or_none_allow_nothing() {
        for attr in ["", "   ", "none", "NONE", " none , "] {
            let (e, unknown) = allowed(Some(attr));
            assert_eq!(e, Exports::NONE, "{attr:?}");
            assert!(!e.any(), "{attr:?}");
            assert!(unknown.is_empty(), "{attr:?}");
        }
    }

    #[test]
    fn single_tokens_allow_just_that_export() {
        let cases = [
            ("print", [true, false, false, false, false]),
            ("csv", [false, true, false, false, false]),
            ("svg", [false, false, true, false, false]),
            ("png", [false, false, false, true, false]),
            ("pptx", [false, false, false, false, true]),
        ];
        for (attr, [print, csv, svg, png, pptx]) in cases {
            let (e, unknown) = allowed(Some(attr));
            assert_eq!(
                e,
                Exports {
                    print,
                    csv,
                    svg,
                    png,
                    pptx
                },
                "{attr}"
            );
            assert!(unknown.is_empty());
        }
    }

    #[test]
    fn separators_case_and_repeats() {
        let (e, unknown) = allowed(Some("Print,csv\tSVG\n svg,,png PPTX"));
        assert_eq!(e, Exports::ALL);
        assert!(unknown.is_empty());
    }

    #[test]
    fn unknown_tokens_are_reported_in_order_and_allow_nothing() {
        let (e, unknown) = allowed(Some("pdf csv xlsx"));
        assert_eq!(
            e,
            Exports {
                csv: true,
                ..Exports::NONE
            }
        );
        assert_eq!(unknown, ["pdf", "xlsx"]);
        let (e, unknown) = allowed(Some("all"));
        assert_eq!(
            e,
            Exports::NONE,
            "`all` is not a token: only absence means all"
        );
        assert_eq!(unknown, ["all"]);
    }

    #[test]
    fn none_with_other_tokens_keeps_the_others() {
        let (e, _) = allowed(Some("none svg"));
        assert_eq!(
            e,
            Exports {
                svg: true,
                ..Exports::NONE
            }
        );
    }
}

mod files {
    use partner_scorecard::export::{file_stem, standalone_svg};

    #[test]
    fn file_stems_keep_ids_and_periods_and_defuse_the_rest() {
        assert_eq!(
            file_stem(&["P-00001", "2026-Q3", "investment"]),
            "P-00001-2026-Q3-investment"
        );
        assert_eq!(file_stem(&["a/b\\c", "", "x:y*?"]), "a_b_c-x_y__");
        assert_eq!(file_stem(&["Müller"]), "Müller");
        assert_eq!(file_stem(&["<img onerror=1>"]), "_img_onerror_1_");
    }

    #[test]
    fn a_plotters_chart_becomes_a_standalone_document() {
        let book = partner_scorecard::score::ScoreBook::new(
            &partner_scorecard::contract::parse_json(
                partner_scorecard::sample::generate(&Default::default()).as_bytes(),
            )
            .unwrap(),
        );
        let c = partner_scorecard::chart::health_trend(&book, 0, (480, 200), &|v| v.to_string());
        let f = standalone_svg(&c.svg).unwrap();
        assert_eq!((f.width, f.height), (480, 200));
        assert!(f
            .text
            .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
        assert_eq!(
            f.text
                .matches("xmlns=\"http://www.w3.org/2000/svg\"")
                .count(),
            1
        );
        assert!(f.text.trim_end().ends_with("</svg>"));
        // Taking the file's own text again changes nothing but the declaration.
        assert_eq!(standalone_svg(&f.text).unwrap(), f);
    }

    #[test]
    fn missing_namespace_and_size_are_added() {
        let f = standalone_svg("<svg viewBox=\"0 0 300.4 150\"><g/></svg>").unwrap();
        assert_eq!((f.width, f.height), (300, 150));
        assert!(f.text.contains(
            "<svg viewBox=\"0 0 300.4 150\" xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"150\">"
        ));
        let f = standalone_svg(
            "<svg width=\"20px\" height=\"10\" xmlns=\"http://www.w3.org/2000/svg\"/>",
        );
        assert_eq!(
            f,
            Err("not an SVG element"),
            "a self-closed root is not a chart"
        );
    }

    #[test]
    fn refuses_what_is_not_a_chart() {
        assert_eq!(standalone_svg(""), Err("not an SVG element"));
        assert_eq!(standalone_svg("<div></div>"), Err("not an SVG element"));
        assert_eq!(
            standalone_svg("<svg width=\"1\" height=\"1\"><SCRIPT>x()</SCRIPT></svg>"),
            Err("the SVG holds a script")
        );
        assert_eq!(
            standalone_svg("<svg><g/></svg>"),
            Err("the SVG has no size")
        );
        assert_eq!(
            standalone_svg("<svg width=\"0\" height=\"5\"></svg>"),
            Err("the SVG's size is out of range")
        );
    }
}

mod plan_rows {
    use partner_scorecard::contract::{self, Thresholds};
    use partner_scorecard::export::{scorecard_csv, scorecard_with_plan_csv, HEADER};
    use partner_scorecard::plan;
    use partner_scorecard::score::ScoreBook;

    const PLAN: &str = r#"{"schema":"partner-scorecard-plan/v1","partner":"a","based_on":"2026-Q1","period":"2026-Q2",
      "figures":{"vendor":{"investment":100,"risk":50,"reward":300},"partner":{"investment":100,"risk":50,"reward":100}},
      "commitments":[{"side":"partner","text":"Train, \"two\" people","due":"2026-05-01","carried_from":"2026-Q1"}],
      "agreed":{"vendor":{"name":"Ana","at":"2026-04-02T10:00:00Z"}}}"#;

    #[test]
    fn the_plan_follows_the_scorecard_in_its_quarter() {
        let doc = r#"{"schema":"partner-scorecard/v1","partners":[{"id":"a"}],"records":[
          {"partner":"a","period":"2026-Q1","side":"vendor","metric":"mdf","value":10}]}"#;
        let book = ScoreBook::new(&contract::parse_json(doc.as_bytes()).expect("feed"));
        let s = &book.scorecards[0];
        let p = plan::parse(PLAN.as_bytes()).expect("plan");
        let t = Thresholds::default();
        let csv = scorecard_with_plan_csv(s, Some(&p), &t);
        // The scorecard's own rows first, unchanged.
        assert!(csv.starts_with(&scorecard_csv(s)));
        assert_eq!(scorecard_with_plan_csv(s, None, &t), scorecard_csv(s));
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(r.headers().expect("header"), HEADER.as_slice());
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|x| x.expect("row").iter().map(String::from).collect())
            .filter(|x: &Vec<String>| x[2].starts_with("plan."))
            .collect();
        let get = |key: &str| {
            rows.iter()
                .find(|x| x[2] == key)
                .unwrap_or_else(|| panic!("no {key}"))
                .clone()
        };
        assert_eq!(get("plan.reward.vendor")[5], "300");
        assert_eq!(get("plan.reward.vendor")[1], "2026-Q2");
        // C 150 each; rates 2 and 0.667: F = (100/150)/(300/150) = 1/3, and the
        // fair shift moves 100 to the partner (200 each).
        let f: f64 = get("plan.fairness")[5].parse().expect("F");
        assert!((f - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(get("plan.fair_shift")[5], "100");
        assert_eq!(get("plan.reward_share")[5], "0.25");
        assert_eq!(get("plan.band")[5], "red");
        let c = get("plan.commitment");
        assert_eq!(
            c,
            [
                "a",
                "2026-Q2",
                "plan.commitment",
                "partner",
                "",
                "Train, \"two\" people",
                "2026-05-01",
                "2026-Q1",
                "open"
            ]
        );
        assert_eq!(get("plan.agreed")[3..6], ["vendor", "", "Ana"]);
        assert_eq!(rows.iter().filter(|x| x[2] == "plan.agreed").count(), 1);
    }
}
