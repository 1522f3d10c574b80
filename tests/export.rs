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
