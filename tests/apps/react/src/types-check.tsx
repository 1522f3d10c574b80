// Compile-time checks of the package's types (tsc --noEmit): each @ts-expect-error
// must meet an error, so a type that got looser fails the type-check.
import type { PartnerScorecardElement, ScorecardErrorKind } from 'partner-scorecard';

export function typeChecks(): unknown[] {
  const el: PartnerScorecardElement = document.createElement('partner-scorecard');
  el.data = '{"schema":"partner-scorecard/v1","records":[]}';
  el.token = 'abc';
  el.reload();
  const seen: unknown[] = [];
  el.addEventListener('scorecard-ready', (e) => seen.push(e.detail.partners + e.detail.records));
  el.addEventListener('scorecard-error', (e) => {
    const kind: ScorecardErrorKind = e.detail.kind;
    const url: string | null = e.detail.url;
    seen.push(kind, url);
  });
  document.addEventListener('scorecard-select', (e) => seen.push(e.detail.partner, e.detail.period));
  document.body.addEventListener('scorecard-export', (e) => seen.push(e.detail.format, e.detail.chart));
  el.addEventListener('scorecard-present', (e) => seen.push(e.detail.open === true));
  // @ts-expect-error: scorecard-ready carries no `partner`
  el.addEventListener('scorecard-ready', (e) => seen.push(e.detail.partner));
  // @ts-expect-error: an export's format is csv, svg or png
  el.addEventListener('scorecard-export', (e) => seen.push(e.detail.format === 'pdf'));
  // @ts-expect-error: the token reads back as a string or undefined, never a number
  const n: number = el.token;
  seen.push(n);

  seen.push(
    <partner-scorecard src="/feed.json" partner="P-1" period="2026-Q3" theme="dark"
      credentials="include" timeout={20} refresh="60" view="qbr" exports="print csv"
      onscorecard-error={(e) => e.detail.message} onscorecard-present={(e) => e.detail.open}
      onscorecard-export={(e) => e.detail.format} />,
    // @ts-expect-error: theme is light, dark or auto
    <partner-scorecard theme="purple" />,
    // @ts-expect-error: a quarter is YYYY-Q1 … YYYY-Q4
    <partner-scorecard period="2026-Q5" />,
    // @ts-expect-error: credentials is a fetch credentials mode
    <partner-scorecard credentials="always" />,
    // @ts-expect-error: the ready event's detail has no `kind`
    <partner-scorecard onscorecard-ready={(e) => e.detail.kind} />,
  );
  return seen;
}
