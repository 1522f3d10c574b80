use partner_scorecard::contract::*;
#[test]
fn probe() {
    for text in [
        "partner,period,side,metric,value\r\nacme,2026-Q2,vendor,mdf,1\r\nacme,2026-Q2,vendor,nps,1\r\nacme,2026-Q2,vendor,nps2,1\r\n",
        "partner,period,side,metric,value\nacme,2026-Q2,vendor,mdf,1\nacme,2026-Q2,vendor,nps,1\nacme,2026-Q2,vendor,nps2,1\n",
        "partner,period,side,metric,value\nacme,2026-Q2,vendor,mdf,1\nacme,2026-Q2,vendor,mdf,1\n\nacme,2026-Q2,vendor,mdf,1\n",
    ] {
        let ds = parse_csv(text.as_bytes()).unwrap();
        println!("{:?} {:?}", ds.counts, ds.rejected);
    }
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader("a,b\n1,2\n\n3,4\r\n\r\n5,6\n".as_bytes());
    for r in rdr.records() { let r = r.unwrap(); println!("{:?} {:?}", r, r.position()); }
}
