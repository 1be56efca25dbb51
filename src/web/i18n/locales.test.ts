import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';
import uk from './locales/uk.json';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

// Plural forms differ by language (Ukrainian has _few and _many); compare their base key.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('translations', () => {
  const english = new Set(leaves(en).map(base));

  it.each([
    ['fr', fr],
    ['uk', uk],
  ])('%s has no key that English lacks (a typo would never be shown)', (_lang, tree) => {
    expect(leaves(tree as Tree).filter((key) => !english.has(base(key)))).toEqual([]);
  });

  it.each([
    ['fr', fr],
    ['uk', uk],
  ])('%s translates the navigation and every page title', (_lang, tree) => {
    const keys = new Set(leaves(tree));
    const required = [
      'nav.group',
      'nav.meetings',
      'nav.nations',
      'nav.events',
      'nav.apiDocs',
      'meetings.title',
      'nations.title',
      'events.title',
      'group.chair.title',
      'group.next.title',
    ];
    expect(required.filter((key) => !keys.has(key))).toEqual([]);
  });
});
