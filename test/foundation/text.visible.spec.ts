/** common/text.ts: text as a person sees it (no invisible characters, no spaces around it). */
import { describe, expect, it } from '@jest/globals';
import { visibleText } from '../../src/common/text.js';

describe('visibleText', () => {
  it.each([
    ['\u200bSP2D 1\u200b', 'SP2D 1'],
    ['\u00a0\tSP2D 1\u3000', 'SP2D 1'],
    ['SP2D\u2060 1', 'SP2D 1'],
    ['\u00adSP2D 1\u0085', 'SP2D 1'],
    ['\ufeffSP2D 1', 'SP2D 1'],
    ['\u200c\u200d\u180e', ''],
    ['SP2D  1', 'SP2D  1'], // spaces inside are the user's
  ])('%j → %j', (text, seen) => expect(visibleText(text)).toBe(seen));
});
