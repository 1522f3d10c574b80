import { useEffect, useState } from 'react';
import type { ScorecardDocument, ScorecardReadyDetail, ScorecardSelectDetail } from 'partner-scorecard';

const PARTNERS = ['P-00001', 'P-00002'] as const;

// What a portal does: fetch the feed itself, hand it over as the `data` property,
// pick the partner with a plain attribute and react to the widget's events.
export function App() {
  const [dataset, setDataset] = useState<ScorecardDocument | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [partner, setPartner] = useState<(typeof PARTNERS)[number]>(PARTNERS[0]);
  const [shown, setShown] = useState(true);
  const [ready, setReady] = useState<ScorecardReadyDetail[]>([]);
  const [selected, setSelected] = useState<ScorecardSelectDetail | null>(null);

  useEffect(() => {
    fetch('/data/sample.json')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((doc: ScorecardDocument) => setDataset(doc))
      .catch((e: unknown) => setFailure(String(e)));
  }, []);

  if (failure) return <p role="alert">Could not load the feed: {failure}</p>;
  if (!dataset) return <p>Loading the feed…</p>;
  return (
    <main>
      <button type="button" data-testid="next-partner"
        onClick={() => setPartner((p) => (p === PARTNERS[0] ? PARTNERS[1] : PARTNERS[0]))}>
        Show the other partner
      </button>
      <button type="button" data-testid="toggle" onClick={() => setShown((s) => !s)}>
        {shown ? 'Unmount' : 'Mount'}
      </button>
      <p data-testid="ready-count">{ready.length}</p>
      <p data-testid="ready-last">{ready.length ? JSON.stringify(ready[ready.length - 1]) : ''}</p>
      <p data-testid="selected">{selected ? `${selected.partner} ${selected.period}` : ''}</p>
      {shown && (
        <partner-scorecard
          data={dataset}
          partner={partner}
          locale="en-US"
          theme="light"
          onscorecard-ready={(e) => setReady((r) => [...r, e.detail])}
          onscorecard-select={(e) => setSelected(e.detail)}
        />
      )}
    </main>
  );
}
