// React 19 JSX types of <partner-scorecard>: `import 'partner-scorecard/react'`.
// React 19 sets a prop as a property when the element has it (`data`, `token`), as
// an attribute otherwise, and listens for `on<event-name>` props.
import type { DetailedHTMLProps, HTMLAttributes, Ref } from 'react';
import type {
  PartnerScorecardAttributes, PartnerScorecardElement, PartnerScorecardEventMap, ScorecardData,
} from './index.js';

export * from './index.js';

/** `onscorecard-ready` … `onscorecard-export`: React 19 adds them as event listeners. */
export type PartnerScorecardEventProps = {
  [K in keyof PartnerScorecardEventMap as `on${K}`]?: (event: PartnerScorecardEventMap[K]) => void;
};

export interface PartnerScorecardProps
  extends Omit<DetailedHTMLProps<HTMLAttributes<PartnerScorecardElement>, PartnerScorecardElement>, 'ref'>,
    PartnerScorecardAttributes, PartnerScorecardEventProps {
  ref?: Ref<PartnerScorecardElement>;
  data?: ScorecardData | null;
  token?: string | null;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'partner-scorecard': PartnerScorecardProps;
    }
  }
}
