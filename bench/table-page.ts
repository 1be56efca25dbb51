import type { Page } from 'playwright-core';

/**
 * What the table part of the bench runs in the pledges ledger page: each measurement is taken in the
 * page, at animation frames, so neither the round trips to Chromium nor their polling count in it.
 */

/** A row's height (LedgerTable's ROW_HEIGHT): the virtualiser places every row this far apart. */
export const ROW_PX = 41;
/** The sticky header's height (LedgerTable's HEADER_HEIGHT): rows under it are not in view. */
const HEADER_PX = 44;
export const SCROLLER = '[data-testid="ledger-scroller"]';
const ROW = '[data-testid="ledger-row"]';

interface InPage {
  firstRowsAt?: number;
}

/**
 * Set before any script of each document: notes when the first rows with their pledge (a link) are
 * in the page, at the animation frame that paints them, in ms since the navigation began. Also
 * defines `__name`, which tsx's keepNames adds to the functions handed to the page.
 */
export const PAGE_INIT_SCRIPT = `
globalThis.__name = globalThis.__name || ((f) => f);
new MutationObserver((_, observer) => {
  if (document.querySelector('${ROW} a')) {
    observer.disconnect();
    requestAnimationFrame(() => { window.firstRowsAt = performance.now(); });
  }
}).observe(document, { childList: true, subtree: true });
`;

export async function firstRows(page: Page): Promise<number> {
  await page.goto('/pledges');
  const handle = await page.waitForFunction(() => (window as InPage).firstRowsAt, undefined, {
    timeout: 60_000,
    polling: 100,
  });
  return Number(await handle.jsonValue());
}

/**
 * Scrolls the table so that `row` (0-based) is the first under the header and waits, frame by frame,
 * until every row in view shows its pledge: ms from setting the position.
 */
export function jump(page: Page, row: number): Promise<number> {
  return page.evaluate(
    ({ row, rowHeight, header, scroller, rowSelector }) =>
      new Promise<number>((resolvePromise, reject) => {
        const el = document.querySelector<HTMLElement>(scroller);
        if (!el) throw new Error('no ledger scroller');
        const start = performance.now();
        el.scrollTop = row * rowHeight;
        const check = () => {
          const box = el.getBoundingClientRect();
          const inView = [...el.querySelectorAll(rowSelector)].filter((r) => {
            const b = r.getBoundingClientRect();
            return b.bottom > box.top + header && b.top < box.bottom;
          });
          const there = inView.some((r) => r.getAttribute('aria-rowindex') === String(row + 2));
          if (there && inView.every((r) => r.querySelector('a') !== null)) {
            resolvePromise(performance.now() - start);
          } else if (performance.now() - start > 60_000) {
            reject(new Error(`row ${row + 1} not shown within 60 s of the jump`));
          } else {
            requestAnimationFrame(check);
          }
        };
        requestAnimationFrame(check);
      }),
    { row, rowHeight: ROW_PX, header: HEADER_PX, scroller: SCROLLER, rowSelector: ROW },
  );
}

export interface Scrolled {
  deltas: number[];
  maxRows: number;
  /** Frames that painted a row in view without its pledge (not yet fetched) or no row at all. */
  blankFrames: number;
}

/**
 * From the top, sets the scroll position at every animation frame to where a steady scroll of `speed`
 * px/s would be (down to the end and back up, if it gets there) for `seconds`; returns the times
 * between frames, the most rows in the page at once and how many frames showed rows still loading.
 */
export function scroll(page: Page, seconds: number, speed: number): Promise<Scrolled> {
  return page.evaluate(
    ({ seconds, speed, scroller, rowSelector, rowHeight, header }) =>
      new Promise<Scrolled>((resolvePromise) => {
        const el = document.querySelector<HTMLElement>(scroller);
        if (!el) throw new Error('no ledger scroller');
        el.scrollTop = 0;
        // Read once: reading them at every frame would force a layout the page would not do.
        const view = el.clientHeight;
        const end = el.scrollHeight - view;
        const rows = Math.round((el.scrollHeight - header) / rowHeight);
        const deltas: number[] = [];
        let maxRows = 0;
        let blankFrames = 0;
        let position = 0;
        let start = -1;
        let last = -1;
        const frame = (now: number) => {
          // The page has answered the scroll event of the position set at the last frame (the
          // virtualiser renders synchronously in it): what this frame paints is for that position.
          const rendered = el.querySelectorAll(rowSelector);
          maxRows = Math.max(maxRows, rendered.length);
          const shown = new Set<number>();
          rendered.forEach((r) => {
            if (r.querySelector('a')) shown.add(Number(r.getAttribute('aria-rowindex')) - 2);
          });
          // Row i spans header + i × rowHeight and one row height on; the header covers the top.
          const first = Math.floor(position / rowHeight);
          const lastInView = Math.min(
            rows - 1,
            Math.ceil((position + view - header) / rowHeight) - 1,
          );
          let blank = false;
          for (let i = first; i <= lastInView && !blank; i++) blank = !shown.has(i);
          if (start < 0) {
            start = now;
          } else {
            deltas.push(now - last);
            if (blank) blankFrames += 1;
          }
          last = now;
          const elapsed = now - start;
          const distance = (speed * elapsed) / 1000;
          const along = end > 0 ? distance % (2 * end) : 0;
          position = along <= end ? along : 2 * end - along;
          el.scrollTop = position;
          if (elapsed < seconds * 1000) requestAnimationFrame(frame);
          else resolvePromise({ deltas, maxRows, blankFrames });
        };
        requestAnimationFrame(frame);
      }),
    {
      seconds,
      speed,
      scroller: SCROLLER,
      rowSelector: ROW,
      rowHeight: ROW_PX,
      header: HEADER_PX,
    },
  );
}

export const domRows = (page: Page) => page.locator(ROW).count();
