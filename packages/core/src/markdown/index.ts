export { countProseWords } from './count-prose-words';
export { headingKey } from './heading-key';
export { joinSections } from './join-sections';
export {
  type NormalizeHeadingsOptions,
  normalizeHeadings,
  normalizeHeadingsOptionsSchema,
} from './normalize-headings';
export { parseMarkdown } from './parse-markdown';
export { removeDuplicateHeadings } from './remove-duplicate-headings';
export { type MarkdownBlock, splitBlocks } from './split-blocks';
export {
  type MarkdownSection,
  type SplitSectionsOptions,
  splitSections,
  splitSectionsOptionsSchema,
} from './split-sections';
export { stringifyMarkdown } from './stringify-markdown';
export { stripLeadingHeading } from './strip-leading-heading';
export { type PlainTextOptions, plainTextOptionsSchema, toPlainText } from './to-plain-text';
