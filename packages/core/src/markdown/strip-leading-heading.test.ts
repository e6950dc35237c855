import { describe, expect, it } from 'vitest';
import { stripLeadingHeading } from './strip-leading-heading';

describe('stripLeadingHeading', () => {
  it('removes an opening heading that matches the title', () => {
    expect(stripLeadingHeading('## The Roman Empire\n\nRome was…\n', 'The Roman empire')).toBe(
      'Rome was…\n',
    );
    expect(stripLeadingHeading('\n\n### **The Roman Empire:**\nRome\n', 'The Roman Empire')).toBe(
      'Rome\n',
    );
  });

  it('keeps a heading that does not match, or that does not open the text', () => {
    expect(stripLeadingHeading('## Other\n\nText\n', 'Title')).toBe('## Other\n\nText\n');
    expect(stripLeadingHeading('Intro\n\n## Title\n', 'Title')).toBe('Intro\n\n## Title\n');
    expect(stripLeadingHeading('', 'Title')).toBe('');
  });

  it('removes any opening heading when no title is given', () => {
    expect(stripLeadingHeading('Setext\n======\n\nbody')).toBe('body');
    expect(stripLeadingHeading('# Only')).toBe('');
  });
});
