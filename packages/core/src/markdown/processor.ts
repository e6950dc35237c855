import { remark } from 'remark';
import remarkGfm from 'remark-gfm';

// One frozen processor so every parse and stringify in the package uses the same dialect (CommonMark
// + GFM) and the same output style: stable output keeps journal hashes and diffs stable.
export const markdownProcessor = remark()
  .use(remarkGfm)
  .data('settings', {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fence: '`',
    fences: true,
    listItemIndent: 'one',
    incrementListMarker: true,
    setext: false,
    closeAtx: false,
    quote: '"',
    resourceLink: false,
  })
  .freeze();
