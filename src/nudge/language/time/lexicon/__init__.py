"""One lexicon per language: each word (or fixed phrase) mapped to a typed value."""
