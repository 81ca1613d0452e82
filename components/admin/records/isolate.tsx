import { Fragment, type ReactNode } from 'react';

/**
 * The parts of a line that are not ours (a prospect's name, e-mail, company, a title) joined by " · ", each isolated
 * with <bdi> so that in a right-to-left page an e-mail, a phone number or Latin text keeps its own order and does not
 * reorder what is around it. Empty parts are left out.
 */
export function joinIsolated(parts: ReadonlyArray<string | number | null | undefined>): ReactNode {
  return parts
    .filter((part): part is string | number => part !== null && part !== undefined && part !== '')
    .map((part, i) => (
      <Fragment key={i}>
        {i > 0 ? ' · ' : null}
        <bdi>{part}</bdi>
      </Fragment>
    ));
}
