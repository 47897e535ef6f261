import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldText, foldedTokens, trigrams } from './fold.ts';

describe('foldText', () => {
  it('lower-cases, strips accents and turns punctuation into single spaces', () => {
    assert.equal(foldText("Zoë O'Brien-Núñez"), 'zoe o brien nunez');
    assert.equal(foldText('  ÅSA   Müller,  Jr. '), 'asa muller jr');
  });

  it('folds precomposed and decomposed accents alike', () => {
    assert.equal(foldText('Jose\u0301'), foldText('José'));
  });

  it('spells letters that have no accent to strip the way they are typed without them', () => {
    assert.deepEqual(['Weiß', 'Kjær', 'Kılıç', 'Łukasz', 'Søren', 'Đorđević'].map(foldText), ['weiss', 'kjaer', 'kilic', 'lukasz', 'soren', 'dordevic']);
  });

  it('keeps digits and letters of other scripts', () => {
    assert.equal(foldText('Ward 3B – Ελένη'), 'ward 3b ελενη');
  });

  it('splits folded text into tokens, none for blank text', () => {
    assert.deepEqual(foldedTokens('Reinger, Ima'), ['reinger', 'ima']);
    assert.deepEqual(foldedTokens(' -- '), []);
  });
});

describe('trigrams', () => {
  it('pads each token so word starts and short tokens count', () => {
    assert.deepEqual(trigrams('Ann'), [' an', 'ann', 'nn ']);
    assert.deepEqual(trigrams('Al'), [' al', 'al ']);
  });

  it('folds first and lists each trigram once', () => {
    assert.deepEqual(trigrams('Zoë zoe'), [' zo', 'zoe', 'oe ']);
  });
});
