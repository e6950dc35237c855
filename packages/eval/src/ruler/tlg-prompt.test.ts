import { describe, expect, it } from 'vitest';
import { tlgPrompt } from './tlg-prompt';

describe('tlgPrompt', () => {
  it('appends the TLG sentence after a newline', () => {
    expect(tlgPrompt('Describe a cat.', '150')).toBe(
      'Describe a cat.\nThe response should have a word count of 150 words.',
    );
  });

  it('spells >800 as "more than 800"', () => {
    expect(tlgPrompt('Tell a story.', '>800')).toBe(
      'Tell a story.\nThe response should have a word count of more than 800 words.',
    );
  });
});
